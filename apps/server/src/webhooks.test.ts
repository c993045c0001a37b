import { webhookEventSchema, webhookEventTypeNames, type WebhookEventType } from "@offerkit/core";
import { ManualScheduler, ScriptedMarketplace, startReceiver } from "@offerkit/api/testing";
import { makePdf } from "@offerkit/eula/testing";
import { createOfferkitClient, verifyWebhook, type WebhookEvent } from "@offerkit/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const ALICE = "111111111111";
const BOB = "222222222222";
const DAY = 86_400_000;
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

/** Waits until `ready` holds, looking every 20 ms, for at most `ms`. */
async function until(ready: () => boolean, ms = 10_000, what = "the webhooks") {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("webhooks from a running server, verified by the SDK", () => {
  const marketplace = new ScriptedMarketplace();
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startTestServer(
      { OFFERKIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", OFFERKIT_WEBHOOK_TIMEOUT_MS: "2000" },
      {
        publisher: marketplace,
        follower: { scheduler: new ManualScheduler(), timings: { changeSetPollMs: 0, agreementPollMs: 0, agreementStatusPollMs: 0 } },
        deliverer: { tickMs: 25 },
        clicks: { flushIntervalMs: 10 },
      },
    );
  });
  afterAll(async () => {
    await server.stop();
    await receiver.close();
  });

  it("sends every event type, each signed so verifyWebhook accepts it and shaped as core's schema says", async () => {
    const client = createOfferkitClient({ baseUrl: server.url, apiKey: BOOTSTRAP_KEY });
    const { endpoint, secret } = await client.webhooks.create({ url: receiver.url, eventTypes: [...webhookEventTypeNames], description: "every event" });
    const follower = server.follower;
    if (!follower) throw new Error("The marketplace publisher has no follower");
    const clock = server.clock;
    const start = clock.now().getTime();

    const product = (await client.products.list({ limit: 100 })).items.find((item) => item.asin === "B00635Y2IW");
    if (!product) throw new Error("The demo product is missing");
    await client.products.setSupportConnection({ productId: product.id, enrolled: true });
    const eula = await client.eula.upload(new Blob([new Uint8Array(await makePdf(1, { text: "Webhook EULA" }))], { type: "application/pdf" }), { fileName: "eula.pdf" });
    const deadline = new Date(start + 10 * DAY).toISOString().slice(0, 10);
    const draft = (accounts: string[], name: string) =>
      client.offers.create({
        productId: product.id,
        name,
        description: "Webhook test",
        buyerAccounts: accounts,
        pricing: { model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } },
        eulaSha256: eula.sha256,
        agreement: { kind: "duration", duration: "P12M" },
        acceptanceDeadline: deadline,
        refundPolicy: "Write to refunds@acme.example within 30 days.",
      });

    // Sent, then published on the marketplace; a second one refused there.
    const offer = await client.offers.send({ offerId: (await draft([ALICE, BOB], "Published")).id });
    marketplace.followAnswers.push(() => ({ status: "succeeded", marketplaceOfferId: "offer-mkt-webhooks", buyerUrl: "https://aws.example/offer" }));
    await follower.runOnce();
    await follower.runOnce();
    const refused = await client.offers.send({ offerId: (await draft([ALICE], "Refused")).id });
    marketplace.followAnswers.push(() => ({ status: "failed", error: { message: "The EULA URL is not reachable", details: [] } }));
    await follower.runOnce();
    await follower.runOnce();

    // ALICE came through a campaign link and accepts here: the campaign is credited.
    await fetch(`${server.url}/pp/${product.asin}/ref=ads_webhooks?aid=visitor-webhooks-0001`, { redirect: "manual", headers: { "user-agent": BROWSER } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const alice = createOfferkitClient({ baseUrl: server.url, apiKey: (await client.admin.buyerTokens.issue({ account: ALICE })).secret });
    await alice.buyer.offers.accept({ offerId: offer.id, attributionId: "visitor-webhooks-0001" });

    // BOB accepts on the marketplace; the follower brings the agreement back.
    const acceptedAt = new Date(start + 60_000);
    marketplace.agreements.set("offer-mkt-webhooks", [
      { id: "agmt-mkt-bob-0001", buyerAccount: BOB, status: "active", acceptedAt, startsAt: acceptedAt, endsAt: new Date(start + 365 * DAY) },
    ]);
    await follower.runOnce();

    // ALICE's agreement runs a product enrolled in Product Support Connection: she shares a contact.
    const [subscription] = await alice.buyer.subscriptions.list();
    if (!subscription) throw new Error("The acceptance started no subscription");
    const contact = { givenName: "Ada", surname: "Lovelace", organization: "Analytical Engines", email: "ada@engines.example", phone: "+1 206 555 0101" };
    const shared = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact });
    await alice.buyer.contacts.update({ contactId: shared.id, consent: true, contact: { ...contact, surname: "King" } });
    await alice.buyer.contacts.delete({ contactId: shared.id });

    expect(await client.webhooks.sendTest({ endpointId: endpoint.id })).toMatchObject({ delivered: true, status: 204 });

    // The clock passes the refused offer's deadline, then the end of both agreements.
    clock.set(new Date(start + 11 * DAY).toISOString());
    await until(() => receiver.events().some((event) => event.type === "offer.expired"), 10_000, "offer.expired");
    clock.set(new Date(start + 370 * DAY).toISOString());
    await until(() => receiver.events().filter((event) => event.type === "agreement.ended").length === 2, 10_000, "agreement.ended");

    const expected = new Set<WebhookEventType>(webhookEventTypeNames);
    await until(() => new Set(receiver.events().map((event) => event.type)).size === expected.size, 10_000, "every event type");
    const verified: WebhookEvent[] = [];
    for (const request of receiver.received) {
      // The server's clock signed it: the verifier is judged by the same clock.
      const signedAt = new Date(Number(request.headers["webhook-timestamp"]) * 1000);
      const event = await verifyWebhook(secret, request.headers, request.body, { now: () => signedAt });
      expect(webhookEventSchema.safeParse(event).success, `${event.type} matches its schema`).toBe(true);
      verified.push(event);
    }
    expect(new Set(verified.map((event) => event.type))).toEqual(expected);
    const [first] = receiver.received;
    if (!first) throw new Error("nothing arrived");
    const firstSignedAt = new Date(Number(first.headers["webhook-timestamp"]) * 1000);
    await expect(verifyWebhook(secret, first.headers, `${first.body} `, { now: () => firstSignedAt })).rejects.toMatchObject({ reason: "bad_signature" });

    const byType = (type: WebhookEventType) => verified.filter((event) => event.type === type).map((event) => event.data);
    expect(byType("offer.published")).toEqual([{ offerId: offer.id, marketplaceOfferId: "offer-mkt-webhooks", marketplaceUrl: "https://aws.example/offer" }]);
    expect(byType("offer.publication_failed")).toEqual([{ offerId: refused.id, message: "The EULA URL is not reachable" }]);
    // Deliveries go out side by side, in no promised order.
    const accountOf = (data: object) => ("buyerAccount" in data ? String(data.buyerAccount) : "");
    const accepted = byType("offer.accepted").sort((a, b) => accountOf(a).localeCompare(accountOf(b)));
    expect(accepted).toMatchObject([
      { offerId: offer.id, buyerAccount: ALICE, source: "offerkit" },
      { offerId: offer.id, buyerAccount: BOB, source: "marketplace" },
    ]);
    expect(byType("conversion.credited")).toMatchObject([{ refTag: "ads_webhooks", asin: product.asin, source: "offer" }]);
    expect(byType("offer.expired")).toEqual([{ offerId: refused.id, acceptanceDeadline: deadline, acceptedAccounts: [], unacceptedAccounts: [ALICE] }]);
    expect(byType("contact.shared")).toEqual([{ contactId: shared.id, productId: product.id, subscriptionId: subscription.id, buyerAccount: ALICE }]);
    // Over plain http the endpoint never gets a contact's details.
    expect(receiver.received.map((request) => request.body).join("\n")).not.toMatch(/Lovelace|King|engines\.example|555/);
    // Each event once: nothing was delivered twice to a receiver that answered 204 every time.
    expect(new Set(verified.map((event) => event.id)).size).toBe(verified.length);
  });
});
