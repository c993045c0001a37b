import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";

export const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");

/** The two screens every console page is looked at on: a laptop and a phone. */
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * A console page signed in with `apiKey`, failing fast on a missing locator and collecting the
 * page's uncaught errors (the test asserts there are none).
 */
export async function openConsoleAs(browser: Browser, url: string, apiKey: string, viewport = DESKTOP): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  // Generous: the suites share a small machine with others; a step that cannot happen still fails well before the test does.
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${url}/console/`);
  await page.getByLabel("API key").fill(apiKey);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("navigation", { name: "Sections" }).waitFor();
  return { page, errors };
}

/** Whether the page scrolls sideways: wider content than its viewport. */
export async function overflowsSideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number } | null> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  return scrollWidth <= clientWidth ? null : { scrollWidth, clientWidth };
}

/** Saves the whole page as `console-<name>-<width>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  await page.screenshot({ path: join(screenshotDir, `console-${name}-${width}.png`), fullPage: true });
}

/** Drops a PDF on the EULA step's drop zone as a person dragging a file from their desktop would. */
export async function dropPdf(page: Page, bytes: Uint8Array, name: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ({ data, fileName }) => {
      const dataTransfer = new DataTransfer();
      dataTransfer.items.add(new File([new Uint8Array(data)], fileName, { type: "application/pdf" }));
      return dataTransfer;
    },
    { data: [...bytes], fileName: name },
  );
  await page.locator(".drop-zone").dispatchEvent("drop", { dataTransfer: transfer });
}

/** The admin key a server started on an empty database prints once, on its first start. */
export async function firstAdminKey(output: () => string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const key = /admin key, shown only this once:\s+(\S+)/.exec(output())?.[1];
    if (key) return key;
    if (Date.now() > deadline) throw new Error(`The server printed no first admin key:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
