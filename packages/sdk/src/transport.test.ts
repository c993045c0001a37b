import { http, HttpResponse, delay } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOfferkitClient } from "./index";
import { retryAfterMs, retryDelayMs } from "./retry";

const BASE = "http://offerkit.test";
const offer = { id: "offer-aaaaaaaaaaaaaaaaaaaaa", status: "draft" };
const ok = (data: unknown) => HttpResponse.json([{ result: { data } }]);
const failure = (status: number, offerkitCode: string) =>
  HttpResponse.json([{ error: { message: offerkitCode, code: -32000, data: { httpStatus: status, offerkitCode, issues: [] } } }], { status });

const mock = setupServer();
beforeAll(() => mock.listen({ onUnhandledRequest: "error" }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

/** Answers each request to `path` with the next handler in `answers`, and records the bodies. */
function sequence(method: "get" | "post", path: string, answers: ((request: Request) => Promise<Response> | Response)[]) {
  const seen: { body: string; at: number }[] = [];
  mock.use(
    http[method](`${BASE}/trpc/${path}`, async ({ request }) => {
      seen.push({ body: method === "post" ? await request.clone().text() : new URL(request.url).search, at: performance.now() });
      const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
      if (!answer) throw new Error("no answer");
      return answer(request);
    }),
  );
  return seen;
}

const client = (options: { retries?: number; timeoutMs?: number } = {}) =>
  createOfferkitClient({ baseUrl: BASE, apiKey: "oks_test", retryBaseDelayMs: 5, ...options });

describe("retries", () => {
  it("retries a read after 503, then succeeds", async () => {
    const seen = sequence("get", "offers.get", [() => failure(503, "INTERNAL"), () => ok(offer)]);
    expect(await client().offers.get({ offerId: offer.id })).toEqual(offer);
    expect(seen).toHaveLength(2);
  });

  it("honours Retry-After on 429", async () => {
    const seen = sequence("get", "offers.get", [
      () => HttpResponse.json([{ error: { message: "slow down", code: -32029, data: { httpStatus: 429 } } }], { status: 429, headers: { "Retry-After": "1" } }),
      () => ok(offer),
    ]);
    expect(await client().offers.get({ offerId: offer.id })).toEqual(offer);
    expect(seen).toHaveLength(2);
    const [first, second] = seen;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it("retries a read after a dropped connection", async () => {
    const seen = sequence("get", "offers.get", [() => HttpResponse.error(), () => ok(offer)]);
    expect(await client().offers.get({ offerId: offer.id })).toEqual(offer);
    expect(seen).toHaveLength(2);
  });

  it("retries a read after a malformed body", async () => {
    const seen = sequence("get", "offers.get", [() => new HttpResponse("<html>proxy error</html>", { status: 200 }), () => ok(offer)]);
    expect(await client().offers.get({ offerId: offer.id })).toEqual(offer);
    expect(seen).toHaveLength(2);
  });

  it("retries a keyed write with the same idempotency key", async () => {
    const seen = sequence("post", "offers.send", [() => HttpResponse.error(), () => failure(503, "INTERNAL"), () => ok(offer)]);
    expect(await client().offers.send({ offerId: offer.id })).toEqual(offer);
    expect(seen).toHaveLength(3);
    const keys = seen.map(({ body }) => (JSON.parse(body) as Record<string, { idempotencyKey: string }>)["0"]?.idempotencyKey);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it("keeps a caller's own idempotency key", async () => {
    const seen = sequence("post", "offers.create", [() => ok(offer)]);
    await client().offers.create({ productId: "prod-aaaaaaaaaa", idempotencyKey: "my-own-key-1" });
    expect(seen[0]?.body).toContain('"idempotencyKey":"my-own-key-1"');
  });

  it("never retries a write without a key: dropped connection", async () => {
    const seen = sequence("post", "offers.update", [() => HttpResponse.error(), () => ok(offer)]);
    await expect(client().offers.update({ offerId: offer.id, patch: { name: "x" } })).rejects.toMatchObject({ code: "NETWORK_ERROR", status: null });
    expect(seen).toHaveLength(1);
  });

  it("never retries a write without a key: malformed body", async () => {
    const seen = sequence("post", "offers.update", [() => new HttpResponse("garbage", { status: 200 }), () => ok(offer)]);
    await expect(client().offers.update({ offerId: offer.id, patch: { name: "x" } })).rejects.toMatchObject({ code: "BAD_RESPONSE" });
    expect(seen).toHaveLength(1);
  });

  it("does not retry an error that will not change (400, 404, 409)", async () => {
    for (const [status, code] of [[400, "VALIDATION_FAILED"], [404, "NOT_FOUND"], [409, "OFFER_IMMUTABLE"]] as const) {
      const seen = sequence("get", "offers.get", [() => failure(status, code), () => ok(offer)]);
      await expect(client().offers.get({ offerId: offer.id })).rejects.toMatchObject({ code, status });
      expect(seen).toHaveLength(1);
      mock.resetHandlers();
    }
  });

  it("gives up after the configured retries with the last error", async () => {
    const seen = sequence("get", "offers.get", [() => failure(503, "INTERNAL")]);
    await expect(client({ retries: 2 }).offers.get({ offerId: offer.id })).rejects.toMatchObject({ code: "INTERNAL", status: 503 });
    expect(seen).toHaveLength(3);
  });
});

describe("error messages", () => {
  const refused = (message: string, issues: { path: (string | number)[]; message: string }[]) =>
    HttpResponse.json([{ error: { message, code: -32000, data: { httpStatus: 422, offerkitCode: "EULA_NO_PAGES", issues } } }], { status: 422 });

  it("say an issue the server's message already says once, not twice", async () => {
    const said = "The EULA PDF has no pages.";
    sequence("post", "offers.update", [() => refused(said, [{ path: ["file"], message: said }])]);
    const error = await client().offers.update({ offerId: offer.id, patch: {} }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "EULA_NO_PAGES", message: said, issues: [{ path: ["file"], message: said }] });
  });

  it("add each issue the message leaves out, with its field", async () => {
    const issues = [
      { path: ["name"], message: "An offer name has 1 to 150 characters" },
      { path: ["buyerAccounts", 0], message: "An account ID is exactly 12 digits" },
    ];
    sequence("post", "offers.update", [() => refused("name: An offer name has 1 to 150 characters", issues)]);
    const error = await client().offers.update({ offerId: offer.id, patch: {} }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: "name: An offer name has 1 to 150 characters (buyerAccounts.0: An account ID is exactly 12 digits)" });
  });
});

describe("timeouts", () => {
  it("aborts a request that does not answer in time", async () => {
    const seen = sequence("get", "offers.get", [async () => {
      await delay("infinite");
      return ok(offer);
    }]);
    await expect(client({ timeoutMs: 100, retries: 0 }).offers.get({ offerId: offer.id })).rejects.toMatchObject({ code: "TIMEOUT" });
    expect(seen).toHaveLength(1);
  });

  it("retries a timed-out read", async () => {
    const seen = sequence("get", "offers.get", [async () => {
      await delay("infinite");
      return ok(offer);
    }, () => ok(offer)]);
    expect(await client({ timeoutMs: 100 }).offers.get({ offerId: offer.id })).toEqual(offer);
    expect(seen).toHaveLength(2);
  });

  it("does not retry a timed-out write without a key", async () => {
    const seen = sequence("post", "offers.update", [async () => {
      await delay("infinite");
      return ok(offer);
    }]);
    await expect(client({ timeoutMs: 100 }).offers.update({ offerId: offer.id, patch: {} })).rejects.toMatchObject({ code: "TIMEOUT" });
    expect(seen).toHaveLength(1);
  });
});

describe("backoff", () => {
  it("doubles with jitter and obeys Retry-After, within the cap", () => {
    const options = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(retryDelayMs(1, new Error("x"), options, () => 0)).toBe(50);
    expect(retryDelayMs(3, new Error("x"), options, () => 1)).toBe(400);
    expect(retryDelayMs(6, new Error("x"), options, () => 1)).toBe(1000);
    expect(retryAfterMs("2")).toBe(2000);
    expect(retryAfterMs("Wed, 01 Jan 2031 00:00:10 GMT", Date.parse("2031-01-01T00:00:00Z"))).toBe(10_000);
    expect(retryAfterMs("soon")).toBeNull();
  });
});
