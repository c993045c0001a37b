import { afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { defineOfferkitElements } from "../src/index";

beforeAll(() => defineOfferkitElements({ trackingBaseUrl: "https://links.acme.example" }));
afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

function mount(html: string): HTMLElement {
  const holder = document.createElement("div");
  holder.innerHTML = html;
  document.body.append(holder);
  const element = holder.firstElementChild;
  if (!(element instanceof HTMLElement)) throw new Error("nothing mounted");
  return element;
}

describe("<offerkit-link>", () => {
  it("wraps its content in a tracked deep link", () => {
    const element = mount(`<offerkit-link asin="B00635Y2IW" ref-tag="ads_q3">See the product</offerkit-link>`);
    const anchor = element.shadowRoot?.querySelector("a");
    expect(anchor?.getAttribute("href")).toBe("https://links.acme.example/pp/B00635Y2IW/ref=ads_q3");
    expect(anchor?.querySelector("slot")).not.toBeNull();
    expect(element.textContent).toBe("See the product");
  });

  it("follows its attributes, and shows its content without a link when they are malformed", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const element = mount(`<offerkit-link asin="B00635Y2IW" marketplace-url="https://marketplace.test" tracking-base-url="https://t.acme.example">x</offerkit-link>`);
    element.setAttribute("ref-tag", "acme_ptnr_x");
    expect(element.shadowRoot?.querySelector("a")?.getAttribute("href")).toBe("https://t.acme.example/pp/B00635Y2IW/ref=acme_ptnr_x");
    element.setAttribute("ref-tag", "<img src=x onerror=alert(1)>");
    expect(element.shadowRoot?.querySelector("a")).toBeNull();
    expect(element.shadowRoot?.querySelector("img")).toBeNull();
    expect(element.shadowRoot?.querySelector("slot")).not.toBeNull();
  });

  it("defines each element once, however often it is asked", () => {
    expect(() => defineOfferkitElements()).not.toThrow();
    expect(customElements.get("offerkit-link")).toBeDefined();
  });
});

describe("<offerkit-offer-banner>", () => {
  const apiUrl = inject("apiUrl");
  const scenario = inject("scenario");

  /** Mounts a banner and waits for the server's answer (or, without a token, for nothing). */
  async function banner(token: string | null, asin = "B00635Y2IW") {
    const element = mount(`<offerkit-offer-banner asin="${asin}" api-url="${apiUrl}"></offerkit-offer-banner>`);
    const answered = new Promise<unknown>((resolve, reject) => {
      element.addEventListener("offerkit-banner", (event) => resolve(event instanceof CustomEvent ? event.detail : null));
      element.addEventListener("offerkit-banner-error", (event) => reject(event instanceof CustomEvent ? event.detail : event));
    });
    Object.assign(element, { buyerToken: token });
    return { element, answer: token === null ? null : await answered };
  }

  it("shows the offer to the targeted account, with a link to it", async () => {
    const { element, answer } = await banner(scenario.targetedToken);
    expect(answer).toEqual({ hasPrivateOffer: true, offerIds: [scenario.offerId], buyerUrl: scenario.buyerUrl });
    const box = element.shadowRoot?.querySelector("[role=status]");
    expect(box?.textContent).toContain("You have a private offer for this product.");
    expect(box?.querySelector("a")?.getAttribute("href")).toBe(scenario.buyerUrl);
  });

  it("shows nothing to another account, for another product, or without a token", async () => {
    for (const { element, answer } of [await banner(scenario.otherToken), await banner(scenario.targetedToken, "B0DEMO0003")]) {
      expect(answer).toMatchObject({ hasPrivateOffer: false });
      expect(element.shadowRoot?.childElementCount).toBe(0);
    }
    const { element } = await banner(null);
    expect(element.shadowRoot?.childElementCount).toBe(0);
  });

  it("reports a refused token and shows nothing", async () => {
    await expect(banner("not-a-real-token")).rejects.toMatchObject({ code: "UNAUTHORIZED", status: 401 });
  });
});

describe("<offerkit-offer-banner> defined after the page set its token", () => {
  it("takes over a token set before the element was upgraded", async () => {
    const element = document.createElement("offerkit-offer-banner-late");
    Object.assign(element, { buyerToken: inject("scenario").targetedToken });
    element.setAttribute("asin", "B00635Y2IW");
    element.setAttribute("api-url", inject("apiUrl"));
    const answered = new Promise((resolve) => element.addEventListener("offerkit-banner", resolve));
    document.body.append(element);
    customElements.define("offerkit-offer-banner-late", class extends (customElements.get("offerkit-offer-banner") ?? HTMLElement) {});
    await answered;
    expect(element.shadowRoot?.querySelector("[role=status]")).not.toBeNull();
  });
});
