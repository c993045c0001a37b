import { afterEach, describe, expect, it, vi } from "vitest";
import { deepLinkFor } from "../src/deep-link";
import { describeElement } from "../src/describe-element";
import { defineOfferkitElements, init } from "../src/index";
import { MarketplaceButton, MarketplaceLink } from "../src/react/index";
import { enableDebugWarnings, forgetWarnings } from "../src/warn";
import { render } from "./render";

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  forgetWarnings();
  document.body.replaceChildren();
});

const warnings = () => vi.spyOn(console, "warn").mockImplementation(() => undefined);

describe("development warnings", () => {
  it("name the React component and its props, once however often it renders", async () => {
    const warn = warnings();
    await render(
      <>
        <MarketplaceLink asin="B00635Y2IW" refTag="q3 launch">x</MarketplaceLink>
        <MarketplaceLink asin="B00635Y2IW" refTag="q3 launch">x</MarketplaceLink>
        <MarketplaceButton asin="b00635y2iw" />
      </>,
    );
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      '[offerkit] <MarketplaceLink asin="B00635Y2IW" refTag="q3 launch"> renders no link: "q3 launch" is not a ref tag (1 to 50 letters, digits or _).',
      '[offerkit] <MarketplaceLink asin="b00635y2iw"> renders no link: "b00635y2iw" is not an ASIN (10 upper-case letters or digits).',
    ]);
  });

  it("name the page's anchor and custom element by their id and attributes", async () => {
    const warn = warnings();
    document.body.innerHTML = `<a id="buy" class="x" data-offerkit-asin="B00635Y2I">Buy</a><offerkit-link asin="B00635Y2IW" ref-tag="a-b">See</offerkit-link>`;
    defineOfferkitElements();
    init(document, { trackingBaseUrl: "https://links.acme.example", attributionId: "short" }).destroy();
    init(document, {}).destroy();
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      '[offerkit] <offerkit-link asin="B00635Y2IW" ref-tag="a-b"> renders no link: "a-b" is not a ref tag (1 to 50 letters, digits or _).',
      '[offerkit] <a id="buy" data-offerkit-asin="B00635Y2I"> renders no link: "B00635Y2I" is not an ASIN (10 upper-case letters or digits).',
    ]);
  });

  it("name a malformed attribution ID on a tracked link", () => {
    const warn = warnings();
    const anchor = document.createElement("a");
    anchor.dataset.offerkitAsin = "B00635Y2IW";
    expect(deepLinkFor({ asin: "B00635Y2IW", trackingBaseUrl: "https://links.acme.example", attributionId: "a&b" }, describeElement(anchor))).toBeNull();
    expect(warn).toHaveBeenCalledWith('[offerkit] <a data-offerkit-asin="B00635Y2IW"> renders no link: "a&b" is not an attribution ID (16 to 64 letters, digits, _ or -).');
  });

  it("stay silent in a production build, unless debugging is turned on", () => {
    const warn = warnings();
    vi.stubEnv("NODE_ENV", "production");
    expect(deepLinkFor({ asin: "nope" }, "<x>")).toBeNull();
    expect(warn).not.toHaveBeenCalled();
    enableDebugWarnings();
    expect(deepLinkFor({ asin: "nope" }, "<x>")).toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
