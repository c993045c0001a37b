import { randomBytes } from "node:crypto";
import type { WebhookEventType } from "@offerkit/core";
import { refuseInsertsInto, testDialects } from "@offerkit/db/testing";
import { createHttpWebhookPoster } from "@offerkit/webhook-http";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeContactsOfEndedSubscriptions } from "../contacts/close-ended-subscriptions";
import { createKeyring } from "../data-keys/keyring";
import { createWebhookSecretCipher } from "../data-keys/webhook-secret-cipher";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, recordTestEvents, sampleProduct, uploadSamplePdf } from "../testing";
import { deliveryBody } from "./delivery-body";
import { startReceiver, type ReceivedWebhook } from "./receiver.fixture";
import { createWebhookDeliverer } from "./webhook-deliverer";

const ALICE = "111111111111";
const BOB = "222222222222";
const HOUR = 3_600_000;

async function until(ready: () => boolean | Promise<boolean>, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const contact = {
  givenName: "Ada",
  surname: "Lovelace",
  organization: "Analytical Engines, Ltd.",
  email: "ada@engines.example",
  phone: "(206) 555-0101",
  countryCode: "US",
  postalCode: "98109",
};

/** What the Standard Webhooks library itself makes of a delivery: the judge is not our code. */
function verifiedBy(secret: string, request: ReceivedWebhook) {
  const headers = {
    "webhook-id": String(request.headers["webhook-id"]),
    "webhook-timestamp": String(request.headers["webhook-timestamp"]),
    "webhook-signature": String(request.headers["webhook-signature"]),
  };
  return new Webhook(secret).verify(request.body, headers) as { id: string; type: string; data: Record<string, unknown> };
}

describe.each(testDialects())("webhook deliveries on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await api.close();
  });
  afterEach(async () => {
    // Each test's deliveries end with it: the next test's receiver counts only its own.
    await api.deps.db.updateTable("webhook_deliveries").set({ state: "failed", next_attempt_at: null }).where("state", "=", "pending").execute();
    receiver.received.length = 0;
    receiver.answerWith((_request, _index, response) => response.writeHead(204).end());
  });

  // Signatures are judged by a library that reads the real clock: the test clock starts at it.
  const startNow = () => api.clock.set(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString());
  const deliverer = () => createWebhookDeliverer(api.deps, api.deps.webhooks, { random: () => 0.5, onError: (error) => { throw error; } });
  const later = (ms: number) => api.clock.set(new Date(api.clock.now().getTime() + ms).toISOString());

  async function sellerWithEndpoint(eventTypes: WebhookEventType[] = ["offer.sent", "offer.accepted", "agreement.created"]) {
    startNow();
    const seller = await api.newSeller();
    const created = await seller.admin.webhooks.create({ url: receiver.url, eventTypes });
    return { seller, endpoint: created.endpoint, secret: created.secret };
  }

  async function sendOffer(seller: Awaited<ReturnType<typeof api.newSeller>>, accounts = [ALICE], deadline?: string) {
    const product = await seller.admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(seller.admin, 1, `EULA ${seller.sellerId}`);
    const terms = completeOfferTerms(product.id, eula.sha256, accounts);
    const draft = await seller.admin.offers.create({ ...terms, acceptanceDeadline: deadline ?? new Date(api.clock.now().getTime() + 30 * 24 * HOUR).toISOString().slice(0, 10) });
    return seller.admin.offers.send({ offerId: draft.id, idempotencyKey: `send-${draft.id}` });
  }

  it("delivers a sent offer once, signed so the Standard Webhooks library verifies it", async () => {
    const { seller, endpoint, secret } = await sellerWithEndpoint();
    const offer = await sendOffer(seller);
    expect(await deliverer().runOnce()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    if (!request) throw new Error("nothing arrived");
    const event = verifiedBy(secret, request);
    expect(event).toMatchObject({ type: "offer.sent", version: 1, data: { offerId: offer.id, buyerAccounts: [ALICE], buyerUrl: offer.buyerUrl } });
    expect(request.headers["webhook-id"]).toBe(event.id);
    expect(request.headers["content-type"]).toBe("application/json");
    expect(await deliverer().runOnce()).toBe(0);
    const log = await seller.admin.webhooks.deliveries({ endpointId: endpoint.id });
    expect(log.items).toMatchObject([{ eventId: event.id, eventType: "offer.sent", state: "delivered", attempts: 1, nextAttemptAt: null, log: [{ status: 204, error: null }] }]);
  });

  it("retries a receiver that fails three times, and sends once more: then never again", async () => {
    const { seller, endpoint, secret } = await sellerWithEndpoint();
    receiver.answerWith((_request, index, response) => response.writeHead(index < 3 ? 500 : 200).end(index < 3 ? "down for maintenance" : "ok"));
    await sendOffer(seller);
    const waits: number[] = [];
    for (let round = 0; round < 8; round += 1) {
      await deliverer().runOnce();
      const [delivery] = (await seller.admin.webhooks.deliveries({ endpointId: endpoint.id })).items;
      if (!delivery?.nextAttemptAt) break;
      waits.push(Date.parse(delivery.nextAttemptAt) - api.clock.now().getTime());
      api.clock.set(delivery.nextAttemptAt);
    }
    // Doubling from the base (1 s in tests), jitter at its middle.
    expect(waits).toEqual([1_000, 2_000, 4_000]);
    later(24 * HOUR);
    await deliverer().runOnce();
    expect(receiver.received).toHaveLength(4);
    expect(new Set(receiver.received.map((request) => request.headers["webhook-id"])).size).toBe(1);
    for (const request of receiver.received) expect(verifiedBy(secret, request).type).toBe("offer.sent");
    const [delivery] = (await seller.admin.webhooks.deliveries({ endpointId: endpoint.id })).items;
    expect(delivery?.state).toBe("delivered");
    expect(delivery?.log.map((attempt) => [attempt.status, attempt.response])).toEqual([
      [500, "down for maintenance"],
      [500, "down for maintenance"],
      [500, "down for maintenance"],
      [200, "ok"],
    ]);
    expect((await seller.admin.webhooks.get({ endpointId: endpoint.id })).failingSince).toBeNull();
  });

  it("waits as long as a Retry-After asks, in seconds or as a date", async () => {
    const { seller, endpoint } = await sellerWithEndpoint();
    receiver.answerWith((_request, index, response) =>
      response.writeHead(index === 0 ? 429 : 503, { "retry-after": index === 0 ? "120" : new Date(api.clock.now().getTime() + 3 * HOUR).toUTCString() }).end(),
    );
    await sendOffer(seller);
    await deliverer().runOnce();
    let [delivery] = (await seller.admin.webhooks.deliveries({ endpointId: endpoint.id })).items;
    expect(Date.parse(delivery?.nextAttemptAt ?? "") - api.clock.now().getTime()).toBe(120_000);
    api.clock.set(delivery?.nextAttemptAt ?? "");
    await deliverer().runOnce();
    [delivery] = (await seller.admin.webhooks.deliveries({ endpointId: endpoint.id })).items;
    expect(Date.parse(delivery?.nextAttemptAt ?? "") - api.clock.now().getTime()).toBe(3 * HOUR);
  });

  it("gives up after the three-day window and disables an endpoint that never answered, saying why", async () => {
    const { seller, endpoint } = await sellerWithEndpoint();
    receiver.answerWith((_request, _index, response) => response.writeHead(502).end("bad gateway"));
    const sentAt = api.clock.now().getTime();
    await sendOffer(seller);
    for (let round = 0; round < 60; round += 1) {
      await deliverer().runOnce();
      const [delivery] = (await seller.admin.webhooks.deliveries({ endpointId: endpoint.id })).items;
      if (!delivery?.nextAttemptAt) break;
      api.clock.set(delivery.nextAttemptAt);
    }
    const [delivery] = (await seller.admin.webhooks.deliveries({ endpointId: endpoint.id })).items;
    expect(delivery?.state).toBe("failed");
    const attempts = delivery?.log ?? [];
    expect(attempts.length).toBeGreaterThan(10);
    expect(attempts.length).toBeLessThan(40);
    expect(Date.parse(attempts.at(-1)?.at ?? "") - sentAt).toBeGreaterThanOrEqual(72 * HOUR);
    const disabled = await seller.admin.webhooks.get({ endpointId: endpoint.id });
    expect(disabled.enabled).toBe(false);
    expect(disabled.disabledReason).toMatch(/^Every delivery since \d{4}-\d\d-\d\d \d\d:\d\d UTC failed, for longer than the retry window; the last: HTTP 502$/);

    // Nothing more is queued for it until the seller enables it again.
    await sendOffer(seller);
    await deliverer().runOnce();
    expect(receiver.received).toHaveLength(attempts.length);
    const enabled = await seller.admin.webhooks.update({ endpointId: endpoint.id, enabled: true });
    expect(enabled).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
  });

  it("disables an endpoint at once when it answers 410 Gone", async () => {
    const { seller, endpoint } = await sellerWithEndpoint();
    receiver.answerWith((_request, _index, response) => response.writeHead(410).end());
    await sendOffer(seller);
    await deliverer().runOnce();
    const gone = await seller.admin.webhooks.get({ endpointId: endpoint.id });
    expect(gone.enabled).toBe(false);
    expect(gone.disabledReason).toContain("410 Gone");
    expect((await seller.admin.webhooks.deliveries({ endpointId: endpoint.id })).items[0]?.state).toBe("failed");
  });

  it("sends nothing for a change that rolled back", async () => {
    const { seller } = await sellerWithEndpoint();
    const product = await seller.admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(seller.admin, 1, "EULA rollback");
    const draft = await seller.admin.offers.create(completeOfferTerms(product.id, eula.sha256, [ALICE]));
    // The send's last write (its idempotency record) fails after the event was written in its transaction.
    const allowAgain = await refuseInsertsInto(api.deps.db, "idempotency_keys");
    try {
      await failure(seller.admin.offers.send({ offerId: draft.id, idempotencyKey: "send-rolled-back" }));
    } finally {
      await allowAgain();
    }
    expect((await seller.admin.offers.get({ offerId: draft.id })).status).toBe("draft");
    expect(await eventsOf(seller.sellerId)).toEqual([]);
    await deliverer().runOnce();
    expect(receiver.received).toEqual([]);

    await seller.admin.offers.send({ offerId: draft.id, idempotencyKey: "send-committed" });
    expect(await eventsOf(seller.sellerId)).toEqual(["offer.sent"]);
  });

  it("writes agreement.ended in the transaction of the buyer's cancellation, and nothing when it rolls back", async () => {
    const { seller } = await sellerWithEndpoint(["agreement.ended"]);
    const offer = await sendOffer(seller);
    const alice = await seller.buyer(ALICE);
    const { id: agreementId } = await alice.buyer.offers.accept({ offerId: offer.id });
    const [subscription] = await alice.buyer.subscriptions.list();
    if (!subscription) throw new Error("The acceptance made no subscription");

    const allowAgain = await refuseInsertsInto(api.deps.db, "webhook_events");
    try {
      await failure(alice.buyer.subscriptions.cancel({ subscriptionId: subscription.id }));
    } finally {
      await allowAgain();
    }
    expect((await alice.buyer.subscriptions.list())[0]?.status).toBe("active");

    later(HOUR);
    const cancelledAt = api.clock.now().toISOString();
    await alice.buyer.subscriptions.cancel({ subscriptionId: subscription.id });
    // The sweep finds it written already, by its dedupe key.
    await deliverer().sweepOnce();
    await deliverer().runOnce();
    expect(receiver.events()).toMatchObject([{ type: "agreement.ended", data: { agreementId, offerId: offer.id, buyerAccount: ALICE, endedAt: cancelledAt, reason: "cancelled" } }]);
  });

  it("writes an acceptance's events with it: offer.accepted and agreement.created, once", async () => {
    const { seller, secret } = await sellerWithEndpoint();
    const offer = await sendOffer(seller);
    const alice = await seller.buyer(ALICE);
    await Promise.all([alice.buyer.offers.accept({ offerId: offer.id }), alice.buyer.offers.accept({ offerId: offer.id })]);
    await deliverer().runOnce();
    const types = receiver.received.map((request) => verifiedBy(secret, request).type).sort();
    expect(types).toEqual(["agreement.created", "offer.accepted", "offer.sent"]);
    const accepted = receiver.events().find((event) => event.type === "offer.accepted");
    expect(accepted?.data).toMatchObject({ offerId: offer.id, buyerAccount: ALICE, source: "offerkit" });
  });

  it("keeps each seller's events to its own endpoints", async () => {
    const first = await sellerWithEndpoint(["offer.sent"]);
    const second = await sellerWithEndpoint(["offer.sent"]);
    const firstOffer = await sendOffer(first.seller);
    const secondOffer = await sendOffer(second.seller);
    await deliverer().runOnce();
    expect(receiver.received).toHaveLength(2);
    const bySecret = receiver.received.map((request) => {
      for (const [name, secret] of [["first", first.secret], ["second", second.secret]] as const) {
        try {
          return [name, verifiedBy(secret, request).data.offerId];
        } catch {
          // signed by the other seller's secret
        }
      }
      return ["nobody", null];
    });
    expect(bySecret.sort()).toEqual([["first", firstOffer.id], ["second", secondOffer.id]]);
  });

  it("signs with both secrets while a rotation overlaps, then with the new one only", async () => {
    const { seller, endpoint, secret: old } = await sellerWithEndpoint(["offer.sent"]);
    const { secret: fresh } = await seller.admin.webhooks.rotateSecret({ endpointId: endpoint.id, overlapHours: 1 });
    await sendOffer(seller);
    await deliverer().runOnce();
    const [during] = receiver.received;
    if (!during) throw new Error("nothing arrived");
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verifiedBy(old, during).type).toBe("offer.sent");
    expect(verifiedBy(fresh, during).type).toBe("offer.sent");

    // Past the overlap the old secret signs nothing; the library reads the real clock, so the
    // event is replayed now (the overlap is judged by the server's clock, set just past it).
    const realNow = api.clock.now();
    api.clock.set(new Date(realNow.getTime() + HOUR + 1_000).toISOString());
    const [delivery] = (await seller.admin.webhooks.deliveries({ endpointId: endpoint.id })).items;
    await seller.admin.webhooks.replay({ endpointId: endpoint.id, eventId: delivery?.eventId ?? "" });
    await deliverer().runOnce();
    const after = receiver.received[1];
    if (!after) throw new Error("the replay did not arrive");
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(after.headers["webhook-id"]).toBe(during.headers["webhook-id"]);
    const pastOverlap = Number(after.headers["webhook-timestamp"]) * 1000;
    expect(pastOverlap).toBeGreaterThan(realNow.getTime() + HOUR);
  });

  it("replays one event, or every event of the endpoint's types in a range, with their own IDs", async () => {
    const { seller, endpoint } = await sellerWithEndpoint(["offer.sent"]);
    const from = api.clock.now().toISOString();
    await sendOffer(seller);
    later(60_000);
    await sendOffer(seller);
    const offer = await sendOffer(seller);
    await (await seller.buyer(ALICE)).buyer.offers.accept({ offerId: offer.id });
    await deliverer().runOnce();
    const firstIds = receiver.received.map((request) => request.headers["webhook-id"]);
    expect(firstIds).toHaveLength(3);

    expect(await seller.admin.webhooks.replay({ endpointId: endpoint.id, eventId: String(firstIds[0]) })).toEqual({ queued: 1 });
    await deliverer().runOnce();
    expect(receiver.received[3]?.headers["webhook-id"]).toBe(firstIds[0]);

    const range = { endpointId: endpoint.id, since: from, until: new Date(api.clock.now().getTime() + 1).toISOString() };
    // The acceptance's events are not of the endpoint's types: three events, not five.
    expect(await seller.admin.webhooks.replay(range)).toEqual({ queued: 3 });
    await deliverer().runOnce();
    expect(receiver.received.slice(4).map((request) => request.headers["webhook-id"]).sort()).toEqual([...firstIds].sort());
    const refused = await failure(seller.admin.webhooks.replay({ ...range, until: from, since: range.until }));
    expect(refused.paths).toEqual(["until"]);

    // Only events of its types (or its own test events) go to an endpoint, and none while it is disabled.
    const [accepted] = await api.deps.db.selectFrom("webhook_events").select("id").where("seller_id", "=", seller.sellerId).where("type", "=", "offer.accepted").execute();
    const notItsType = await failure(seller.admin.webhooks.replay({ endpointId: endpoint.id, eventId: accepted?.id ?? "" }));
    expect([notItsType.code, notItsType.paths]).toEqual(["VALIDATION_FAILED", ["eventId"]]);
    const test = await seller.admin.webhooks.sendTest({ endpointId: endpoint.id });
    expect(await seller.admin.webhooks.replay({ endpointId: endpoint.id, eventId: test.eventId })).toEqual({ queued: 1 });
    const other = await seller.admin.webhooks.create({ url: receiver.url, eventTypes: ["offer.sent"] });
    expect((await failure(seller.admin.webhooks.replay({ endpointId: other.endpoint.id, eventId: test.eventId }))).paths).toEqual(["eventId"]);
    await seller.admin.webhooks.update({ endpointId: endpoint.id, enabled: false });
    expect((await failure(seller.admin.webhooks.replay(range))).code).toBe("CONFLICT");
  });

  it("sends a test event now and answers what the endpoint said", async () => {
    const { seller, endpoint, secret } = await sellerWithEndpoint(["offer.sent"]);
    const ok = await seller.admin.webhooks.sendTest({ endpointId: endpoint.id });
    expect(ok).toMatchObject({ delivered: true, status: 204, nextAttemptAt: null });
    expect(ok.summary).toMatch(/^HTTP 204 in \d+ ms$/);
    const [request] = receiver.received;
    if (!request) throw new Error("nothing arrived");
    expect(verifiedBy(secret, request)).toMatchObject({ id: ok.eventId, type: "webhook.test", data: { endpointId: endpoint.id } });

    receiver.answerWith((_request, _index, response) => response.writeHead(500).end("kaput"));
    const broken = await seller.admin.webhooks.sendTest({ endpointId: endpoint.id });
    expect(broken).toMatchObject({ delivered: false, status: 500, response: "kaput" });
    expect(broken.nextAttemptAt).not.toBeNull();
    await receiver.close();
    const closed = await seller.admin.webhooks.sendTest({ endpointId: endpoint.id });
    expect(closed).toMatchObject({ delivered: false, status: null });
    // Refused, or cut off on a connection kept alive from before.
    expect(closed.summary).toMatch(/ECONNREFUSED|socket hang up/);
    receiver = await startReceiver();
  });

  it("names a contact in its events and sends its details only to an enrolled https endpoint, while it is shared", async () => {
    const { seller, endpoint } = await sellerWithEndpoint(["contact.shared", "contact.withdrawn"]);
    const product = await seller.admin.products.create(sampleProduct({ pricing: { model: "free", dimensions: [] } }));
    await seller.admin.products.setSupportConnection({ productId: product.id, enrolled: true });
    const alice = await seller.buyer(ALICE);
    const subscription = await alice.buyer.subscriptions.subscribe({ asin: product.asin });
    const shared = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact });
    await deliverer().runOnce();
    const [event] = receiver.events();
    expect(event?.data).toEqual({ contactId: shared.id, productId: product.id, subscriptionId: subscription.id, buyerAccount: ALICE });
    expect(receiver.received[0]?.body).not.toMatch(/Lovelace|engines\.example|555/);

    // The same delivery as an https endpoint enrolled for PSC data would get it.
    const [due] = await api.deps.db.selectFrom("webhook_events").select(["id", "seller_id", "type", "version", "data", "dedupe_key", "created_at"]).where("seller_id", "=", seller.sellerId).execute();
    if (!due) throw new Error("no event stored");
    const stored = { id: due.id, sellerId: due.seller_id, type: due.type, version: Number(due.version), data: due.data, dedupeKey: due.dedupe_key, createdAt: due.created_at };
    const record = { id: endpoint.id, sellerId: seller.sellerId, url: "https://crm.example.test/hooks", description: "", eventTypes: ["contact.shared"], secret: "", previousSecret: null, previousSecretExpiresAt: null, enabled: true, disabledReason: null, disabledAt: null, failingSince: null, createdAt: "", updatedAt: "" };
    const enrolled = JSON.parse(await deliveryBody(api.deps, { event: stored, endpoint: { ...record, includeContactDetails: true } }, () => undefined)) as { data: { contact?: { email: string } } };
    expect(enrolled.data.contact?.email).toBe("ada@engines.example");
    const notEnrolled = JSON.parse(await deliveryBody(api.deps, { event: stored, endpoint: { ...record, includeContactDetails: false } }, () => undefined)) as { data: object };
    expect(notEnrolled.data).not.toHaveProperty("contact");
    const plainHttp = JSON.parse(await deliveryBody(api.deps, { event: stored, endpoint: { ...record, url: receiver.url, includeContactDetails: true } }, () => undefined)) as { data: object };
    expect(plainHttp.data).not.toHaveProperty("contact");

    await alice.buyer.contacts.delete({ contactId: shared.id });
    const afterWithdrawal = JSON.parse(await deliveryBody(api.deps, { event: stored, endpoint: { ...record, includeContactDetails: true } }, () => undefined)) as { data: object };
    expect(afterWithdrawal.data).not.toHaveProperty("contact");
    await deliverer().runOnce();
    expect(receiver.events()[1]).toMatchObject({ type: "contact.withdrawn", data: { contactId: shared.id } });
  });

  it("says a contact was withdrawn when it goes with its cancelled subscription", async () => {
    const { seller } = await sellerWithEndpoint(["contact.withdrawn"]);
    const product = await seller.admin.products.create(sampleProduct({ pricing: { model: "free", dimensions: [] } }));
    await seller.admin.products.setSupportConnection({ productId: product.id, enrolled: true });
    const alice = await seller.buyer(ALICE);
    const subscription = await alice.buyer.subscriptions.subscribe({ asin: product.asin });
    const shared = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact });
    await alice.buyer.subscriptions.cancel({ subscriptionId: subscription.id });
    expect(await closeContactsOfEndedSubscriptions(api.deps, null)).toBeGreaterThanOrEqual(1);
    expect(await closeContactsOfEndedSubscriptions(api.deps, null)).toBe(0);
    await deliverer().runOnce();
    expect(receiver.events()).toMatchObject([{ type: "contact.withdrawn", data: { contactId: shared.id, subscriptionId: subscription.id } }]);
  });

  it("announces an offer whose deadline passed unaccepted, and an agreement that ended, once each", async () => {
    const { seller } = await sellerWithEndpoint(["offer.expired", "agreement.ended"]);
    const today = api.clock.now().toISOString().slice(0, 10);
    const offer = await sendOffer(seller, [ALICE, BOB], today);
    await (await seller.buyer(ALICE)).buyer.offers.accept({ offerId: offer.id });
    const sweeper = deliverer();
    await sweeper.sweepOnce();
    expect(await eventsOf(seller.sellerId)).not.toContain("offer.expired");
    later(24 * HOUR);
    await Promise.all([sweeper.sweepOnce(), deliverer().sweepOnce()]);
    await sweeper.sweepOnce();
    expect((await eventsOf(seller.sellerId)).filter((type) => type === "offer.expired")).toHaveLength(1);
    await sweeper.runOnce();
    expect(receiver.events()).toMatchObject([{ type: "offer.expired", data: { offerId: offer.id, acceptanceDeadline: today, acceptedAccounts: [ALICE], unacceptedAccounts: [BOB] } }]);

    // The sample terms run 36 months.
    later(3 * 366 * 24 * HOUR);
    await sweeper.sweepOnce();
    await sweeper.sweepOnce();
    await sweeper.runOnce();
    const ended = receiver.events().filter((event) => event.type === "agreement.ended");
    expect(ended).toMatchObject([{ data: { offerId: offer.id, buyerAccount: ALICE, reason: "term_ended" } }]);
  });

  it("delivers each event once when two deliverers run at the same time", async () => {
    const { seller } = await sellerWithEndpoint(["offer.sent"]);
    for (let index = 0; index < 6; index += 1) await sendOffer(seller);
    const sent = await Promise.all([deliverer().runOnce(), deliverer().runOnce(), deliverer().runOnce()]);
    expect(sent.reduce((sum, count) => sum + count, 0)).toBe(6);
    expect(new Set(receiver.received.map((request) => request.headers["webhook-id"])).size).toBe(6);
    expect(receiver.received).toHaveLength(6);
  });

  it("gives a receiver that hangs only its share of the workers, one while it is failing: other endpoints' deliveries arrive meanwhile", { timeout: 30_000 }, async () => {
    startNow();
    const hanging = await startReceiver(() => undefined);
    const failingAndHanging = await startReceiver(() => undefined);
    const stuck = await api.newSeller();
    await stuck.admin.webhooks.create({ url: hanging.url, eventTypes: ["offer.sent"] });
    const failing = await api.newSeller();
    const failingEndpoint = (await failing.admin.webhooks.create({ url: failingAndHanging.url, eventTypes: ["offer.sent"] })).endpoint;
    await api.deps.db.updateTable("webhook_endpoints").set({ failing_since: api.clock.now().toISOString() }).where("id", "=", failingEndpoint.id).execute();
    const { seller: healthy } = await sellerWithEndpoint(["offer.sent"]);
    // The hanging endpoints' events are the older: a deliverer taking the oldest first meets them first.
    await recordTestEvents(api.deps, stuck.sellerId, 12);
    await recordTestEvents(api.deps, failing.sellerId, 12);
    later(1_000);
    await recordTestEvents(api.deps, healthy.sellerId, 10);
    // Attempts that would wait a minute for an answer: none ends while the test looks.
    const patient = { ...api.deps, webhookPoster: createHttpWebhookPoster({ allowPrivateNetworks: true, timeoutMs: 60_000 }) };
    const attemptsBefore = await countAttempts();
    // Lists of 10: the hanging endpoints' backlogs alone would fill them.
    const live = createWebhookDeliverer(patient, api.deps.webhooks, { concurrency: 4, perEndpoint: 2, batchSize: 10, random: () => 0.5, onError: (error) => { throw error; } });
    try {
      live.start();
      const healthyLogged = async () => (await countAttempts()) === attemptsBefore + 10;
      await until(async () => receiver.received.length === 10 && hanging.received.length === 2 && failingAndHanging.received.length === 1 && (await healthyLogged()), 15_000, "every delivery the workers can make");
      // Time for a worker too many to show itself, if there were one.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect([receiver.received.length, hanging.received.length, failingAndHanging.received.length]).toEqual([10, 2, 1]);
      // Only the healthy ones have ended; the three hanging ones still wait.
      expect(await countAttempts()).toBe(attemptsBefore + 10);
    } finally {
      // Cut off, the hanging attempts fail at once, and the deliverer can stop.
      await Promise.all([hanging.close(), failingAndHanging.close()]);
      await live.close();
    }
  });

  it("does not let a failing endpoint's backlog fill the outbox's list: another seller's later event goes out at once", { timeout: 30_000 }, async () => {
    startNow();
    // Fails each delivery after a second, as a struggling receiver does.
    const struggling = await startReceiver((_request, _index, response) => void setTimeout(() => response.writeHead(500).end(), 1_000));
    const failing = await api.newSeller();
    await failing.admin.webhooks.create({ url: struggling.url, eventTypes: ["offer.sent"] });
    await recordTestEvents(api.deps, failing.sellerId, 30);
    later(1_000);
    const { seller: healthy } = await sellerWithEndpoint(["offer.sent"]);
    await recordTestEvents(api.deps, healthy.sellerId, 1);
    const live = createWebhookDeliverer(api.deps, api.deps.webhooks, { concurrency: 4, perEndpoint: 2, batchSize: 10, random: () => 0.5, onError: (error) => { throw error; } });
    try {
      live.start();
      await until(() => receiver.received.length === 1, 10_000, "the healthy endpoint's delivery");
      // It went out beside the struggling endpoint's first attempts, not after its backlog.
      expect(struggling.received.length).toBeLessThanOrEqual(2);
    } finally {
      await live.close();
      await struggling.close();
    }
  });

  it("keeps a replay that comes while an attempt is under way: the attempt's outcome does not undo it", async () => {
    const { seller, endpoint } = await sellerWithEndpoint(["offer.sent"]);
    const offer = await sendOffer(seller);
    const [event] = await api.deps.db.selectFrom("webhook_events").select("id").where("seller_id", "=", seller.sellerId).execute();
    receiver.answerWith((_request, index, response) => {
      if (index > 0) return void response.writeHead(204).end();
      // The seller replays the event while its first attempt waits for this answer, a failure.
      void seller.admin.webhooks.replay({ endpointId: endpoint.id, eventId: event?.id ?? "" }).then(() => response.writeHead(500).end());
    });
    await deliverer().runOnce();
    expect(receiver.events().map((received) => received.data.offerId)).toEqual([offer.id, offer.id]);
    const [delivery] = (await seller.admin.webhooks.deliveries({ endpointId: endpoint.id })).items;
    expect(delivery?.state).toBe("delivered");
    expect(delivery?.log.map((attempt) => attempt.status).sort()).toEqual([204, 500]);
  });

  it("fails an attempt it cannot prepare, logged and retried, without calling the endpoint failing", async () => {
    const { seller, endpoint } = await sellerWithEndpoint(["offer.sent"]);
    // A secret sealed under a data key this server does not hold, as during a key rotation's rolling restart.
    const foreign = createWebhookSecretCipher(createKeyring(randomBytes(32))).seal(endpoint.id, `whsec_${randomBytes(32).toString("base64")}`);
    await api.deps.db.updateTable("webhook_endpoints").set({ secret: foreign }).where("id", "=", endpoint.id).execute();
    await sendOffer(seller);
    const errors: unknown[] = [];
    expect(await createWebhookDeliverer(api.deps, api.deps.webhooks, { random: () => 0.5, onError: (error) => errors.push(error) }).runOnce()).toBe(1);
    expect(receiver.received).toEqual([]);
    const [delivery] = (await seller.admin.webhooks.deliveries({ endpointId: endpoint.id })).items;
    expect(delivery).toMatchObject({ state: "pending", nextAttemptAt: new Date(api.clock.now().getTime() + 1_000).toISOString() });
    expect(delivery?.log).toMatchObject([{ status: null, error: expect.stringMatching(/^Not sent: this server could not prepare it \(The signing secret of webhook endpoint whep-\S+ is sealed under a data key this server does not hold\)$/) }]);
    expect(String(errors[0])).toMatch(/could not prepare it/);
    expect((await seller.admin.webhooks.get({ endpointId: endpoint.id })).failingSince).toBeNull();
  });

  async function countAttempts(): Promise<number> {
    return (await api.deps.db.selectFrom("webhook_attempts").select("id").execute()).length;
  }

  async function eventsOf(sellerId: string): Promise<string[]> {
    const rows = await api.deps.db.selectFrom("webhook_events").select("type").where("seller_id", "=", sellerId).orderBy("created_at").execute();
    return rows.map((row) => row.type);
  }
});
