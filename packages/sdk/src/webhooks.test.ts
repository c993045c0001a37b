import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { createMemoryReplayStore } from "./webhook-replay-store";
import { signWebhook, verifyWebhook, WebhookVerificationError, type SignedWebhookHeaders, type WebhookEvent, type WebhookVerificationReason } from "./webhooks";

const keyBytes = Buffer.from("a7f1c0d95e3b4a2c8d6e0f1b2c3d4e5f60718293", "hex");
const secret = `whsec_${keyBytes.toString("base64")}`;
const otherSecret = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef", "hex").toString("base64")}`;
const id = "evt-V1StGXR8_Z5jdHi6B-myT";
const signedAt = new Date("2026-03-02T10:00:00Z");
const seconds = signedAt.getTime() / 1000;
const body = JSON.stringify({
  id,
  type: "offer.accepted",
  version: 1,
  timestamp: "2026-03-02T09:59:58.000Z",
  data: { offerId: "offer-3kTq9ZxLm2Pw", agreementId: "agmt-7hYt2QaZ1x9c", buyerAccount: "123456789012", acceptedAt: "2026-03-02T09:59:58.000Z", source: "offerkit" },
});
const at = (offsetSeconds: number) => () => new Date(signedAt.getTime() + offsetSeconds * 1000);

/** Signed by node's own HMAC, a judge independent of the code under test. */
function handSigned(key: Buffer, msgId: string, timestamp: number, payload: string): string {
  return `v1,${createHmac("sha256", key).update(`${msgId}.${timestamp}.${payload}`).digest("base64")}`;
}
const headers = (overrides: Partial<SignedWebhookHeaders> = {}): SignedWebhookHeaders => ({
  "webhook-id": id,
  "webhook-timestamp": String(seconds),
  "webhook-signature": handSigned(keyBytes, id, seconds, body),
  ...overrides,
});

async function refusal(promise: Promise<unknown>): Promise<WebhookVerificationReason> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof WebhookVerificationError)) throw new Error(`expected a WebhookVerificationError, got ${String(error)}`);
  return error.reason;
}

describe("verifyWebhook and signWebhook against other implementations", () => {
  it("accepts what the standardwebhooks package signs, with whsec_ and with a bare base64 secret", async () => {
    const signature = new Webhook(secret).sign(id, signedAt, body);
    const event = await verifyWebhook(secret, headers({ "webhook-signature": signature }), body, { now: at(0) });
    expect(event).toEqual(JSON.parse(body));
    await expect(verifyWebhook(keyBytes.toString("base64"), headers({ "webhook-signature": signature }), body, { now: at(0) })).resolves.toMatchObject({ id });
  });

  it("signs what the standardwebhooks package accepts", async () => {
    const signed = await signWebhook(secret, { id, timestamp: new Date(), body });
    expect(new Webhook(secret).verify(body, { ...signed })).toEqual(JSON.parse(body));
    const wronglySigned = await signWebhook(otherSecret, { id, timestamp: new Date(), body });
    expect(() => new Webhook(secret).verify(body, { ...wronglySigned })).toThrow();
  });

  it("matches a signature computed by hand with node:crypto", async () => {
    const expected = handSigned(keyBytes, id, seconds, body);
    expect(expected).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(await signWebhook(secret, { id, timestamp: seconds, body })).toEqual({ "webhook-id": id, "webhook-timestamp": String(seconds), "webhook-signature": expected });
    await expect(verifyWebhook(secret, headers(), body, { now: at(0) })).resolves.toMatchObject({ id, type: "offer.accepted" });
  });
});

describe("verifyWebhook refuses", () => {
  it.each(["webhook-id", "webhook-timestamp", "webhook-signature"] as const)("a delivery without %s", async (name) => {
    const { [name]: _dropped, ...rest } = headers();
    expect(await refusal(verifyWebhook(secret, rest, body, { now: at(0) }))).toBe("missing_header");
  });

  it("a body with one byte changed", async () => {
    const bytes = new TextEncoder().encode(body);
    const index = body.indexOf("123456789012");
    bytes[index] = "9".charCodeAt(0);
    expect(await refusal(verifyWebhook(secret, headers(), bytes, { now: at(0) }))).toBe("bad_signature");
  });

  it("a wrong secret", async () => {
    expect(await refusal(verifyWebhook(otherSecret, headers(), body, { now: at(0) }))).toBe("bad_signature");
  });

  it("a timestamp 301 s old or 301 s ahead, and accepts 299 s either way", async () => {
    expect(await refusal(verifyWebhook(secret, headers(), body, { now: at(301) }))).toBe("stale_timestamp");
    expect(await refusal(verifyWebhook(secret, headers(), body, { now: at(-301) }))).toBe("stale_timestamp");
    await expect(verifyWebhook(secret, headers(), body, { now: at(299) })).resolves.toMatchObject({ id });
    await expect(verifyWebhook(secret, headers(), body, { now: at(-299) })).resolves.toMatchObject({ id });
    expect(await refusal(verifyWebhook(secret, headers(), body, { now: at(61), toleranceSeconds: 60 }))).toBe("stale_timestamp");
  });

  it.each(["17725a0000", "1772445600.5", "-1772445600", "1.7e9"])("a timestamp that is not whole seconds: %s", async (timestamp) => {
    const signature = handSigned(keyBytes, id, seconds, body);
    expect(await refusal(verifyWebhook(secret, headers({ "webhook-timestamp": timestamp, "webhook-signature": signature }), body, { now: at(0) }))).toBe("bad_timestamp");
  });

  it("the same delivery twice with a replay store, and accepts it twice without one", async () => {
    const replayStore = createMemoryReplayStore({ now: at(0) });
    await expect(verifyWebhook(secret, headers(), body, { now: at(0), replayStore })).resolves.toMatchObject({ id });
    expect(await refusal(verifyWebhook(secret, headers(), body, { now: at(1), replayStore }))).toBe("replayed");
    await expect(verifyWebhook(secret, headers(), body, { now: at(0) })).resolves.toMatchObject({ id });
    await expect(verifyWebhook(secret, headers(), body, { now: at(1) })).resolves.toMatchObject({ id });
  });

  it("but lets a retry of the same event through: it is signed anew, at a later timestamp", async () => {
    const replayStore = createMemoryReplayStore({ now: at(0) });
    await verifyWebhook(secret, headers(), body, { now: at(0), replayStore });
    const retry = headers({ "webhook-timestamp": String(seconds + 5), "webhook-signature": handSigned(keyBytes, id, seconds + 5, body) });
    await expect(verifyWebhook(secret, retry, body, { now: at(5), replayStore })).resolves.toMatchObject({ id });
  });

  it("records nothing in the replay store for a delivery that fails its signature", async () => {
    const keys: string[] = [];
    const replayStore = { markSeen: (key: string) => (keys.push(key), false) };
    await refusal(verifyWebhook(otherSecret, headers(), body, { now: at(0), replayStore }));
    await refusal(verifyWebhook(secret, headers(), body, { now: at(400), replayStore }));
    expect(keys).toEqual([]);
  });

  it("a parsed object as the body, with a TypeError that says to pass the raw body", async () => {
    const parsed: unknown = JSON.parse(body);
    await expect(verifyWebhook(secret, headers(), parsed as string, { now: at(0) })).rejects.toThrow(/raw request body.*express\.raw/);
    await expect(verifyWebhook(secret, headers(), parsed as string, { now: at(0) })).rejects.toBeInstanceOf(TypeError);
  });

  it("v2 signatures, even of the right bytes, and accepts a matching v1 after a wrong one", async () => {
    const right = handSigned(keyBytes, id, seconds, body);
    const wrong = handSigned(Buffer.from("other key"), id, seconds, body);
    const v2 = right.replace(/^v1,/, "v2,");
    expect(await refusal(verifyWebhook(secret, headers({ "webhook-signature": v2 }), body, { now: at(0) }))).toBe("bad_signature");
    expect(await refusal(verifyWebhook(secret, headers({ "webhook-signature": `${wrong} ${v2}` }), body, { now: at(0) }))).toBe("bad_signature");
    await expect(verifyWebhook(secret, headers({ "webhook-signature": `${v2} ${wrong} ${right}` }), body, { now: at(0) })).resolves.toMatchObject({ id });
    expect(await refusal(verifyWebhook(secret, headers({ "webhook-signature": "v1,not*base64 v1," }), body, { now: at(0) }))).toBe("bad_signature");
  });

  it("a body whose id is not the webhook-id header's, though correctly signed", async () => {
    const other = "evt-Q9sT2bXy7LmN4pKd1wE0r";
    const signed = await signWebhook(secret, { id: other, timestamp: seconds, body });
    const error = await verifyWebhook(secret, signed, body, { now: at(0) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect(error).toMatchObject({ reason: "bad_body", message: expect.stringContaining(other) as unknown });
  });

  it.each([
    ["not JSON", "offer accepted"],
    ["an array", "[]"],
    ["no data", JSON.stringify({ id, type: "offer.sent", version: 1, timestamp: "2026-03-02T10:00:00.000Z" })],
    ["a string version", JSON.stringify({ id, type: "offer.sent", version: "1", timestamp: "2026-03-02T10:00:00.000Z", data: {} })],
    ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0x7d])],
  ])("a signed body that is %s", async (_what, payload) => {
    const signed = await signWebhook(secret, { id, timestamp: seconds, body: payload });
    expect(await refusal(verifyWebhook(secret, signed, payload, { now: at(0) }))).toBe("bad_body");
  });

  it("a secret that is not base64, with a TypeError", async () => {
    await expect(verifyWebhook("whsec_not base64!", headers(), body, { now: at(0) })).rejects.toBeInstanceOf(TypeError);
    await expect(verifyWebhook([], headers(), body, { now: at(0) })).rejects.toBeInstanceOf(TypeError);
  });
});

describe("verifyWebhook accepts", () => {
  it("headers as node gives them: any case, array values, a header sent twice joined with a comma", async () => {
    const wrong = handSigned(Buffer.from("other key"), id, seconds, body);
    const right = handSigned(keyBytes, id, seconds, body);
    const upper = { "Webhook-Id": id, "WEBHOOK-TIMESTAMP": String(seconds), "Webhook-Signature": [wrong, right], "content-type": "application/json" };
    await expect(verifyWebhook(secret, upper, body, { now: at(0) })).resolves.toMatchObject({ id });
    await expect(verifyWebhook(secret, headers({ "webhook-signature": `${wrong}, ${right}` }), body, { now: at(0) })).resolves.toMatchObject({ id });
  });

  it("a fetch Headers object", async () => {
    const fetchHeaders = new Headers({ "Webhook-Id": id, "Webhook-Timestamp": String(seconds), "Webhook-Signature": handSigned(keyBytes, id, seconds, body) });
    await expect(verifyWebhook(secret, fetchHeaders, body, { now: at(0) })).resolves.toMatchObject({ id });
  });

  it("the body as a Buffer, a Uint8Array and an ArrayBuffer", async () => {
    const bytes = new TextEncoder().encode(body);
    for (const payload of [Buffer.from(body), bytes, bytes.buffer]) {
      await expect(verifyWebhook(secret, headers(), payload, { now: at(0) })).resolves.toEqual(JSON.parse(body));
    }
  });

  it("either secret during a rotation, and signs with both", async () => {
    await expect(verifyWebhook([otherSecret, secret], headers(), body, { now: at(0) })).resolves.toMatchObject({ id });
    const signed = await signWebhook([otherSecret, secret], { id, timestamp: seconds, body });
    expect(signed["webhook-signature"].split(" ")).toHaveLength(2);
    await expect(verifyWebhook(otherSecret, signed, body, { now: at(0) })).resolves.toMatchObject({ id });
    await expect(verifyWebhook(secret, signed, body, { now: at(0) })).resolves.toMatchObject({ id });
  });

  it("an event type it does not know, returned as sent", async () => {
    const future = JSON.stringify({ id, type: "invoice.paid", version: 3, timestamp: "2026-03-02T10:00:00.000Z", data: { invoiceId: "inv-1" }, extra: true });
    const signed = await signWebhook(secret, { id, timestamp: seconds, body: future });
    await expect(verifyWebhook(secret, signed, future, { now: at(0) })).resolves.toEqual(JSON.parse(future));
  });

  it("is typed as core's union, narrowed by type", () => {
    // Compiled by the typecheck: a wrong field or an unknown literal fails it.
    const offerOf = (event: WebhookEvent): string | null => {
      switch (event.type) {
        case "offer.accepted":
          return event.data.agreementId;
        case "contact.shared":
          return event.data.contact?.email ?? event.data.contactId;
        default:
          return null;
      }
    };
    expect(offerOf(JSON.parse(body) as WebhookEvent)).toBe("agmt-7hYt2QaZ1x9c");
  });
});

describe("createMemoryReplayStore", () => {
  it("forgets a key once it expires, and keeps at most maxEntries", () => {
    let now = 0;
    const store = createMemoryReplayStore({ maxEntries: 2, now: () => new Date(now) });
    expect(store.markSeen("a", new Date(1000))).toBe(false);
    expect(store.markSeen("a", new Date(1000))).toBe(true);
    now = 1000;
    expect(store.markSeen("a", new Date(2000))).toBe(false);
    expect(store.markSeen("b", new Date(2000))).toBe(false);
    expect(store.markSeen("c", new Date(2000))).toBe(false);
    // Full: "a", the oldest, went first.
    expect(store.markSeen("b", new Date(2000))).toBe(true);
    expect(store.markSeen("a", new Date(2000))).toBe(false);
  });
});
