import { createClickWriter } from "@offerkit/db";
import type { DialectName } from "@offerkit/db";
import { createTestApi } from "../testing";
import { createClickTracker } from "./click-tracker";

/** A browser's user agent, for clicks that count. */
export const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

/**
 * For tests: an API on a fresh database with a click tracker over it, and `click`, which makes
 * one counted visit at a time on the test clock and writes it at once.
 */
export async function createTrackerFixture(dialect: DialectName) {
  const api = await createTestApi(dialect);
  const tracker = createClickTracker({ db: api.deps.db, writer: createClickWriter(api.database) }, api.clock, {
    marketplaceUrl: api.deps.config.marketplaceUrl,
    flushIntervalMs: 10_000,
  });

  async function click(asin: string, refTag: string, visitor: string | null, at: string, address = "203.0.113.7") {
    api.clock.set(at);
    const result = await tracker.track({ asin, refTag, verdict: "count", cookie: visitor, attributionId: null, address, userAgent: BROWSER });
    await tracker.flush();
    return result;
  }

  /** The visitor ID a redirect hands the browser as its cookie, or null when it hands none. */
  const cookieOf = (result: Awaited<ReturnType<typeof click>>) => (result.kind === "redirect" && result.refreshCookie ? result.visitorId : null);

  return {
    api,
    tracker,
    click,
    cookieOf,
    close: async () => {
      await tracker.close();
      await api.close();
    },
  };
}
