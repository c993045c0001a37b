import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium, driven by Playwright. `scripts/chromium.sh` installs it and exports
 * OFFERKIT_CHROMIUM; without it the suite fails with this message rather than skip.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.OFFERKIT_CHROMIUM || "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: run \`bash scripts/chromium.sh\` (it installs Debian's chromium) or set OFFERKIT_CHROMIUM`);
  }
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/**
 * Headless Chromium names itself "HeadlessChrome", which the tracking redirect rightly takes for
 * a robot; pages opened with this user agent are counted as the people they stand in for.
 */
export function visitorUserAgent(browser: Browser): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`;
}
