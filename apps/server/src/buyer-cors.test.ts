import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const SHOP = "https://www.acme.example";
const banner = `/trpc/buyer.banner?input=${encodeURIComponent(JSON.stringify({ asin: "B00635Y2IW" }))}`;

describe("cross-origin calls from the widget", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let buyerToken: string;
  beforeAll(async () => {
    server = await startTestServer({ OFFERKIT_CORS_ORIGINS: SHOP });
    buyerToken = (await server.client(BOOTSTRAP_KEY).admin.buyerTokens.issue.mutate({ account: "012345678901" })).secret;
  });
  afterAll(async () => server.stop());

  const preflight = (path: string, origin: string) =>
    fetch(`${server.url}${path}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
    });

  it("answers a preflight for a buyer procedure from an allowed origin", async () => {
    const response = await preflight(banner, SHOP);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("vary")).toContain("Origin");
  });

  it("lets an allowed page read a buyer's answer", async () => {
    const response = await fetch(`${server.url}${banner}`, { headers: { origin: SHOP, authorization: `Bearer ${buyerToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe(SHOP);
    expect(await response.json()).toEqual({ result: { data: { hasPrivateOffer: false, offerIds: [], buyerUrl: null } } });
  });

  it("gives another origin no permission", async () => {
    const response = await preflight(banner, "https://evil.example");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const read = await fetch(`${server.url}${banner}`, { headers: { origin: "https://evil.example", authorization: `Bearer ${buyerToken}` } });
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("never opens seller procedures, alone or batched with a buyer's", async () => {
    for (const path of ["/trpc/offers.list", "/trpc/buyer.banner,offers.list?batch=1", "/trpc/admin.buyerTokens.issue", "/trpc/buyer.x/admin.apiKeys.list", "/trpc/buyer.banner/%61dmin.apiKeys.list"]) {
      const response = await preflight(path, SHOP);
      expect(response.headers.get("access-control-allow-origin"), path).toBeNull();
      const read = await fetch(`${server.url}${path}`, { headers: { origin: SHOP, authorization: `Bearer ${BOOTSTRAP_KEY}` } });
      expect(read.headers.get("access-control-allow-origin"), path).toBeNull();
    }
  });
});
