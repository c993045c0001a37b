// @vitest-environment node
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

describe("on the server", () => {
  it("imports without a window and renders to a string", async () => {
    expect(typeof window).toBe("undefined");
    const core = await import("../src/index");
    const { MarketplaceButton, MarketplaceLink, PrivateOfferBanner, SupportContactForm } = await import("../src/react/index");
    core.defineOfferkitElements();
    const html = renderToString(
      <>
        <MarketplaceLink asin="B00635Y2IW" refTag="ads_q3">
          {"<b>not markup</b>"}
        </MarketplaceLink>
        <MarketplaceButton asin="B00635Y2IW" trackingBaseUrl="https://links.acme.example" />
        <PrivateOfferBanner asin="B00635Y2IW" apiUrl="https://offers.acme.example" buyerToken="t" />
        <SupportContactForm apiUrl="https://offers.acme.example" buyerToken="t" subscriptionId="sub-x" />
      </>,
    );
    expect(html).toContain('href="https://aws.amazon.com/marketplace/pp/B00635Y2IW/ref=ads_q3"');
    expect(html).toContain("&lt;b&gt;not markup&lt;/b&gt;");
    expect(html).toContain('href="https://links.acme.example/pp/B00635Y2IW/ref=vdr_rf"');
    expect(html).not.toContain("private offer");
    expect(html).toContain('type="checkbox"');
  });

  it("renders no link for invalid props", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const { MarketplaceLink } = await import("../src/react/index");
    expect(renderToString(<MarketplaceLink asin="B00635Y2IW" refTag="x y">x</MarketplaceLink>)).toBe("");
  });
});
