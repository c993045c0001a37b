import { afterEach, describe, expect, it, vi } from "vitest";
import { init } from "../src/index";

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

function page(html: string): HTMLElement {
  const root = document.createElement("main");
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("init", () => {
  it("upgrades the anchors that name an ASIN, and only those", () => {
    const root = page(
      `<a id="a" data-offerkit-asin="B00635Y2IW" data-offerkit-ref-tag="ads_q3" href="#fallback">Buy</a>` +
        `<a id="b" data-offerkit-asin="B00635Y2IW">Default tag</a><a id="c" href="/pricing">Pricing</a>`,
    );
    init(root, { trackingBaseUrl: "https://links.acme.example" });
    expect(root.querySelector("#a")?.getAttribute("href")).toBe("https://links.acme.example/pp/B00635Y2IW/ref=ads_q3");
    expect(root.querySelector("#b")?.getAttribute("href")).toBe("https://links.acme.example/pp/B00635Y2IW/ref=vdr_rf");
    expect(root.querySelector("#c")?.getAttribute("href")).toBe("/pricing");
  });

  it("takes the href away from a malformed anchor rather than keep a broken link", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const root = page(`<a id="a" data-offerkit-asin="javascript:alert(1)" href="https://evil.example">x</a>`);
    init(root);
    expect(root.querySelector("#a")?.hasAttribute("href")).toBe(false);
  });

  it("follows anchors added or changed later, and puts everything back on destroy", async () => {
    const root = page(`<a id="a" data-offerkit-asin="B00635Y2IW" href="#fallback">Buy</a>`);
    const widget = init(root);
    const later = document.createElement("a");
    later.dataset.offerkitAsin = "B0DEMO0002";
    root.append(later);
    root.querySelector("#a")?.setAttribute("data-offerkit-ref-tag", "ads_retarget");
    await settle();
    expect(later.getAttribute("href")).toBe("https://aws.amazon.com/marketplace/pp/B0DEMO0002/ref=vdr_rf");
    expect(root.querySelector("#a")?.getAttribute("href")).toBe("https://aws.amazon.com/marketplace/pp/B00635Y2IW/ref=ads_retarget");

    widget.destroy();
    expect(root.querySelector("#a")?.getAttribute("href")).toBe("#fallback");
    expect(later.hasAttribute("href")).toBe(false);
    root.append(Object.assign(document.createElement("a"), { id: "d" }));
    root.querySelector("#d")?.setAttribute("data-offerkit-asin", "B00635Y2IW");
    await settle();
    expect(root.querySelector("#d")?.hasAttribute("href")).toBe(false);
  });
});
