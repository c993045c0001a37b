import { request } from "node:http";
import { countClicks, migrateToLatest, openDatabase } from "@offerkit/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const browser = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const MARKETPLACE = "https://marketplace.example.test/marketplace";

describe("the tracking redirect over real HTTP", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ OFFERKIT_MARKETPLACE_URL: MARKETPLACE });
  });
  afterAll(async () => server.stop());

  const hit = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { redirect: "manual", headers: { "user-agent": browser, ...headers } });

  /** A GET whose path reaches the server byte for byte: fetch would turn `\\` into `/` and resolve `..` first. */
  const rawHit = (path: string) =>
    new Promise<{ status: number; location: string | undefined; setCookie: string[] | undefined; contentType: string | undefined; body: string }>(
      (resolve, reject) => {
        const { hostname, port } = new URL(server.url);
        const req = request({ host: hostname, port, path, headers: { "user-agent": browser } }, (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => (body += chunk));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, location: res.headers.location, setCookie: res.headers["set-cookie"], contentType: res.headers["content-type"], body }),
          );
        });
        req.on("error", reject);
        req.end();
      },
    );

  it("answers 302 to the marketplace page and sets a first-party cookie", async () => {
    const response = await hit("/pp/B00635Y2IW/ref=ads_google_q3");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${MARKETPLACE}/pp/B00635Y2IW/ref=ads_google_q3`);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^ok_vid=[A-Za-z0-9_-]{16,64}; Path=\/; Max-Age=2592000; HttpOnly; SameSite=Lax$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("uses the default tag without one, and ignores any query string", async () => {
    expect((await hit("/pp/B00635Y2IW")).headers.get("location")).toBe(`${MARKETPLACE}/pp/B00635Y2IW/ref=vdr_rf`);
    const tricky = await hit("/pp/B00635Y2IW/ref=vdr_rf?url=https://evil.example&next=//evil.example");
    expect(tricky.headers.get("location")).toBe(`${MARKETPLACE}/pp/B00635Y2IW/ref=vdr_rf`);
  });

  it.each([
    ["/pp/B00635Y2IW%2F..%2F..%2Fevil.example/ref=x", 400],
    ["/pp//evil.example/ref=x", 400],
    ["/pp/%2F%2Fevil.example", 400],
    ["/pp/B00635Y2IW/ref=x/..%2F..%2F%2Fevil.example", 400],
    ["/pp/B00635Y2IW\\\\evil.example", 400],
    ["/pp/B00635Y2IW\\/evil.example/ref=x", 400],
    ["/pp/B00635Y2IW/../../evil.example", 400],
    ["/pp/B00635Y2IW/ref=x/../..//evil.example", 400],
    ["/pp/B00635Y2%D0%86W/ref=x", 400],
    [`/pp/B00635Y2IW/ref=${"a".repeat(51)}`, 400],
    ["/pp/B00635Y2IW/ref=vdr%5Frf", 400],
    ["/pp/B00635Y2IW/ref=%0d%0aSet-Cookie:%20x=1", 400],
    ["/pp/B000000000/ref=x", 404],
  ])("never redirects %s (answers %i)", async (path, status) => {
    const response = await rawHit(path);
    expect(response.status).toBe(status);
    expect(response.location).toBeUndefined();
    expect(response.setCookie).toBeUndefined();
    expect(response.contentType).toContain("text/html");
    expect(response.body).not.toContain("evil");
  });

  it("refuses methods other than GET and HEAD", async () => {
    const response = await fetch(`${server.url}/pp/B00635Y2IW`, { method: "POST", redirect: "manual" });
    expect(response.status).toBe(405);
  });

  it("counts a session once a day per tag and product, and skips bots", async () => {
    const admin = server.client(BOOTSTRAP_KEY);
    const today = server.clock.now().toISOString().slice(0, 10);
    const first = await hit("/pp/B0DEMO0002/ref=ads_unique");
    const cookie = (first.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    await hit("/pp/B0DEMO0002/ref=ads_unique", { cookie });
    await hit("/pp/B0DEMO0002/ref=ads_unique", { cookie });
    await hit("/pp/B0DEMO0002/ref=ads_other", { cookie });
    await hit("/pp/B0DEMO0002/ref=ads_unique", { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" });
    await hit("/pp/B0DEMO0002/ref=ads_unique", { "sec-purpose": "prefetch" });
    await server.tracker.flush();
    const stats = await admin.marketing.stats.query({ from: today, to: today, asin: "B0DEMO0002" });
    expect(stats.map((s) => [s.refTag, s.clicks])).toEqual([
      ["ads_other", 1],
      ["ads_unique", 1],
    ]);
  });

  it("serves the reports as authenticated CSV downloads", async () => {
    server.clock.set("2027-03-01T12:00:00.000Z");
    await hit("/pp/B0DEMO0003/ref=ads_report");
    await server.tracker.flush();
    const early = await fetch(`${server.url}/reports/reftag_daily_breakdown_report_2027-03-02.csv`, { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    expect(early.status).toBe(404);
    expect(await early.text()).toContain("is made on that day");
    server.clock.set("2027-03-02T00:00:05.000Z");
    const ok = await fetch(`${server.url}/reports/reftag_daily_breakdown_report_2027-03-02.csv`, { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/csv");
    expect(ok.headers.get("content-disposition")).toContain('filename="reftag_daily_breakdown_report_2027-03-02.csv"');
    expect(await ok.text()).toContain("ads_report,B0DEMO0003,Demo Appliance (BYOL),1,0,0,0.00\r\n");
    const empty = await fetch(`${server.url}/reports/weekly_reftag_report_2020-01-01.csv`, { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    expect(empty.status).toBe(404);
    expect(await empty.text()).toContain("no report");
    expect((await fetch(`${server.url}/reports/reftag_daily_breakdown_report_2027-03-02.csv`)).status).toBe(401);
    expect((await fetch(`${server.url}/reports/..%2Fetc%2Fpasswd`, { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } })).status).toBe(404);
  });
});

describe("a graceful stop", () => {
  it("writes every answered click before the database closes", async () => {
    // A long flush interval: without the stop's flush, these clicks would still be in memory.
    const server = await startTestServer({}, { clicks: { flushIntervalMs: 60_000, maxBatch: 10_000 } });
    const visitors = 25;
    for (let i = 0; i < visitors; i += 1) {
      const response = await fetch(`${server.url}/pp/B00635Y2IW/ref=ads_stop`, {
        redirect: "manual",
        headers: { "user-agent": browser, cookie: `ok_vid=graceful-visitor-${String(i).padStart(4, "0")}` },
      });
      expect(response.status).toBe(302);
    }
    expect(server.tracker.pending()).toBe(visitors);
    await server.close();
    const reopened = openDatabase({ dataDir: server.dataDir });
    await migrateToLatest(reopened.db);
    expect(await countClicks(reopened.db, "seller-demo")).toBe(visitors);
    await reopened.close();
    await server.stop();
  });
});
