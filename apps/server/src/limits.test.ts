import { get } from "node:http";
import { SUPPORT_ASIN } from "@offerkit/test-server/seed";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

/** A GET from a chosen loopback source address, so one test can be several visitors. */
function getFrom(url: string, localAddress: string, forwardedFor?: string): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const headers = { "user-agent": BROWSER, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) };
    get(url, { localAddress, headers }, (res) => {
      res.resume();
      const retryAfter = res.headers["retry-after"];
      res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter }));
    }).on("error", reject);
  });
}

async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof TRPCClientError)) throw new Error("the call should have been refused");
  const data: unknown = error.data;
  return z.object({ offerkitCode: z.string(), httpStatus: z.number() }).parse(data);
}

describe("rate limits", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ OFFERKIT_RATE_LIMIT_REDIRECT: "3", OFFERKIT_RATE_LIMIT_BUYER: "5", OFFERKIT_RATE_LIMIT_CONTACTS: "2" });
  });
  afterAll(async () => server.stop());

  it("refuses a fourth redirect a minute from one address with 429 and Retry-After, not another address", async () => {
    const link = `${server.url}/pp/B00635Y2IW/ref=ads_limits`;
    const first = [];
    for (let n = 0; n < 3; n += 1) first.push((await getFrom(link, "127.0.0.1")).status);
    expect(first).toEqual([302, 302, 302]);
    const refused = await getFrom(link, "127.0.0.1");
    expect(refused.status).toBe(429);
    // The test clock stands at the start of a minute: the whole minute is left to wait.
    expect(refused.retryAfter).toBe("60");
    expect((await getFrom(link, "127.0.0.2")).status).toBe(302);
  });

  it("refuses a buyer token's sixth call a minute with RATE_LIMITED, not another token's or a seller's", async () => {
    const seller = server.client(BOOTSTRAP_KEY);
    const tokens = await Promise.all(["111100001111", "222200002222"].map(async (account) => (await seller.admin.buyerTokens.issue.mutate({ account })).secret));
    const [first = "", second = ""] = tokens;
    const buyer = server.client(first);
    for (let n = 0; n < 5; n += 1) await buyer.buyer.offers.list.query({});
    expect(await refusal(buyer.buyer.offers.list.query({}))).toEqual({ offerkitCode: "RATE_LIMITED", httpStatus: 429 });
    const raw = await fetch(`${server.url}/trpc/buyer.offers.list`, { headers: { authorization: `Bearer ${first}` } });
    expect(raw.status).toBe(429);
    expect(raw.headers.get("retry-after")).toBe("60");
    await expect(server.client(second).buyer.offers.list.query({})).resolves.toBeDefined();
    for (let n = 0; n < 8; n += 1) await seller.products.list.query({ limit: 1 });
  });

  it("limits a procedure however its path is spelled", async () => {
    const token = (await server.client(BOOTSTRAP_KEY).admin.buyerTokens.issue.mutate({ account: "444400004444" })).secret;
    const call = (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    for (let n = 0; n < 5; n += 1) expect((await call("/trpc/buyer.offers.list")).status).toBe(200);
    const spellings = ["/trpc/buyer.offers.list", "/trpc/x/buyer.offers.list", "/trpc/%62uyer.offers.list", "/trpc/buyer%2Eoffers.list", "/trpc//buyer.offers.list", "/trpc/buyer.offers.list?batch=0"];
    for (const path of spellings) expect((await call(path)).status, path).toBe(429);
    // A batch of one: the same procedure, the same limit.
    expect((await call(`/trpc/buyer.offers.list?batch=1&input=${encodeURIComponent("{}")}`)).status).toBe(429);
  });

  it("refuses a third contact write a minute for one buyer token", async () => {
    const seller = server.client(BOOTSTRAP_KEY);
    const products = await seller.products.list.query({ limit: 100 });
    const product = products.items.find((item) => item.asin === SUPPORT_ASIN);
    if (!product) throw new Error("The demo support product is missing");
    await seller.products.setSupportConnection.mutate({ productId: product.id, enrolled: true });
    const token = (await seller.admin.buyerTokens.issue.mutate({ account: "333300003333" })).secret;
    const buyer = server.client(token);
    const subscription = await buyer.buyer.subscriptions.subscribe.mutate({ asin: SUPPORT_ASIN });
    const share = (n: number) =>
      buyer.buyer.contacts.share.mutate({
        subscriptionId: subscription.id,
        consent: true,
        contact: {
          givenName: "Sam",
          surname: `Support${n}`,
          title: "Operations",
          organization: "Example Corp",
          email: `sam.${n}@corp.example`,
          phone: `+1 415 000 00${String(n).padStart(2, "0")}`,
          countryCode: "US",
          postalCode: "94105",
        },
      });
    await share(1);
    await share(2);
    expect(await refusal(share(3))).toEqual({ offerkitCode: "RATE_LIMITED", httpStatus: 429 });
    expect(await buyer.buyer.contacts.list.query()).toHaveLength(2);
  });
});

describe("calls with an unknown credential", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ OFFERKIT_RATE_LIMIT_AUTH_FAILURES: "4", OFFERKIT_RATE_LIMIT_BUYER: "1000" });
  });
  afterAll(async () => server.stop());

  const call = (path: string, secret: string, localAddress = "127.0.0.1") =>
    new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
      get(`${server.url}${path}`, { localAddress, headers: { authorization: `Bearer ${secret}` } }, (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] }));
      }).on("error", reject);
    });

  it("are limited per address, a new made-up token each time or not, over tRPC and the plain routes alike", async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 6; n += 1) statuses.push((await call("/trpc/buyer.offers.list", `okb_made_up_token_${n}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const refused = await call("/reports/weekly_reftag_report_2027-01-02.csv", "oks_made_up_key");
    expect(refused).toEqual({ status: 429, retryAfter: expect.stringMatching(/^\d+$/) });
    // A valid credential from the same address is answered, and another address is not held back.
    expect((await call("/trpc/offers.list", BOOTSTRAP_KEY)).status).toBe(200);
    expect((await call("/trpc/buyer.offers.list", "okb_made_up_elsewhere", "127.0.0.2")).status).toBe(401);
  });
});

describe("rate limits behind a load balancer", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ OFFERKIT_RATE_LIMIT_REDIRECT: "2", OFFERKIT_TRUST_PROXY: "1" });
  });
  afterAll(async () => server.stop());

  it("count each visitor the proxy names, and ignore what a visitor writes itself", async () => {
    const link = `${server.url}/pp/B00635Y2IW/ref=ads_behind_proxy`;
    const statuses = async (forwardedFor: string) => [(await getFrom(link, "127.0.0.1", forwardedFor)).status];
    expect([...(await statuses("198.51.100.1")), ...(await statuses("198.51.100.1")), ...(await statuses("198.51.100.1"))]).toEqual([302, 302, 429]);
    // Every request comes from the proxy's one address: another visitor behind it is not refused.
    expect(await statuses("198.51.100.2")).toEqual([302]);
    // A forged first entry does not make a new visitor: the proxy's own entry is the last one.
    expect(await statuses("6.6.6.6, 198.51.100.1")).toEqual([429]);
  });
});
