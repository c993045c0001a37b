import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { seedBuyerScenario, type BuyerScenario } from "@offerkit/test-server/seed";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../src/axe";
import { launchChromium, visitorUserAgent } from "../src/chromium";
import { startExampleSite, type ExampleSite } from "../src/example-site";

const screenshots = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");
const SIZES = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/** The banner and the form's first fields at 390 px: the part the widget's README shows. */
const README_CLIP = { x: 0, y: 90, width: 390, height: 560 };

/** Rules a real marketing site might have that must not reach inside the widget. */
const HOSTILE_PAGE_CSS = `
  body { text-align: center; letter-spacing: 0.2em; text-transform: uppercase; line-height: 3; }
  label { float: left; width: 6rem; font-size: 9px; }
  input { width: 40px; border: 0; padding: 0; }
  form div { display: inline; }
  a { color: red; }
`;

describe("the widget's default look, in Chromium", () => {
  let site: ExampleSite;
  let server: ServerProcess;
  let browser: Browser;
  let scenario: BuyerScenario;
  const pages: Page[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    site = await startExampleSite();
    server = await startServerProcess({ OFFERKIT_MARKETPLACE_URL: site.marketplaceUrl, OFFERKIT_CORS_ORIGINS: site.url });
    await site.useOfferkit(server.url);
    scenario = await seedBuyerScenario(server.url);
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await site?.close();
  });

  async function open(path: string, size: { width: number; height: number }, colorScheme: "light" | "dark" = "light"): Promise<Page> {
    const page = await browser.newPage({ viewport: size, colorScheme, userAgent: visitorUserAgent(browser) });
    pages.push(page);
    const query = new URLSearchParams({ buyerToken: scenario.targetedToken, subscriptionId: scenario.subscriptionId });
    await page.goto(`${site.url}${path}?${query}`);
    await expect.poll(() => page.locator("[role=status]").count()).toBe(1);
    return page;
  }

  it.each(SIZES)("shows the banner as a notice with its call to action, and the form's errors as errors, at $width px", async (size) => {
    const page = await open("/react.html", size);
    const banner = page.locator(".offerkit-banner");
    const box = await banner.evaluate((element) => {
      const style = getComputedStyle(element);
      return { borderLeft: style.borderLeftWidth, background: style.backgroundColor, padding: style.paddingTop };
    });
    expect(box).toMatchObject({ borderLeft: "6px", padding: "14px" });
    expect(box.background).not.toBe("rgba(0, 0, 0, 0)");
    const cta = await banner.locator("a").evaluate((element) => ({ background: getComputedStyle(element).backgroundColor, weight: getComputedStyle(element).fontWeight }));
    expect(cta).toEqual({ background: "rgb(11, 92, 173)", weight: "600" });

    await page.getByRole("button", { name: "Share contact" }).click();
    const phone = page.getByLabel("Phone");
    await expect.poll(() => phone.getAttribute("aria-invalid")).toBe("true");
    const invalid = await phone.evaluate((element) => ({ border: getComputedStyle(element).borderTopColor, width: getComputedStyle(element).borderTopWidth }));
    expect(invalid).toEqual({ border: "rgb(176, 25, 27)", width: "2px" });
    expect(await page.locator(".offerkit-field-error").first().evaluate((element) => getComputedStyle(element).color)).toBe("rgb(176, 25, 27)");
    // The first field at fault has focus, and its ring shows.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement ?? document.body).outlineStyle)).toBe("solid");
    await page.screenshot({ path: join(screenshots, `widget-default-${size.width}.png`), fullPage: true });
    if (size.width === 390) await page.screenshot({ path: join(screenshots, "widget-readme-light.png"), clip: README_CLIP, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("keeps its look on a page whose own rules would reach a plain form", async () => {
    const page = await open("/react.html", { width: 1440, height: 900 });
    await page.addStyleTag({ content: HOSTILE_PAGE_CSS });
    const label = await page.locator(".offerkit-field > label").first().evaluate((element) => {
      const style = getComputedStyle(element);
      return { float: style.cssFloat, transform: style.textTransform, spacing: style.letterSpacing, align: style.textAlign, size: style.fontSize };
    });
    expect(label).toEqual({ float: "none", transform: "none", spacing: "normal", align: "start", size: "16px" });
    const input = await page.getByLabel("Given name").evaluate((element) => ({ width: element.getBoundingClientRect().width, border: getComputedStyle(element).borderTopWidth }));
    expect(input.width).toBeGreaterThan(300);
    expect(input.border).toBe("1px");
    expect(await page.locator(".offerkit-banner a").evaluate((element) => getComputedStyle(element).color)).toBe("rgb(255, 255, 255)");
    await page.screenshot({ path: join(screenshots, "widget-hostile-page-1440.png"), fullPage: true });
  });

  it.each(SIZES)("styles the embed script's banner in its shadow root, themeable through ::part(), at $width px", async (size) => {
    const page = await open("/embed.html", size);
    const part = page.locator("offerkit-offer-banner [part=banner]");
    expect(await part.evaluate((element) => getComputedStyle(element).borderLeftWidth)).toBe("6px");
    await page.screenshot({ path: join(screenshots, `widget-embed-default-${size.width}.png`), fullPage: true });
    await page.addStyleTag({ content: "offerkit-offer-banner { --offerkit-accent: rgb(120, 20, 90); } offerkit-offer-banner::part(banner) { border-radius: 0; }" });
    expect(await part.evaluate((element) => [getComputedStyle(element).borderTopColor, getComputedStyle(element).borderTopLeftRadius])).toEqual(["rgb(120, 20, 90)", "0px"]);
  });

  it("follows a dark colour scheme and reduced motion", async () => {
    const page = await open("/react.html", { width: 390, height: 844 }, "dark");
    await page.emulateMedia({ reducedMotion: "reduce", colorScheme: "dark" });
    const banner = await page.locator(".offerkit-banner").evaluate((element) => ({ color: getComputedStyle(element).color, animation: getComputedStyle(element).animationName }));
    expect(banner).toEqual({ color: "rgb(233, 235, 237)", animation: "none" });
    await page.screenshot({ path: join(screenshots, "widget-dark-390.png"), fullPage: true });
    await page.screenshot({ path: join(screenshots, "widget-readme-dark.png"), clip: README_CLIP, fullPage: true });
  });
});
