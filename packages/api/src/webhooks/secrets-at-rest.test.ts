import { randomBytes } from "node:crypto";
import { testDialects } from "@offerkit/db/testing";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createKeyring } from "../data-keys/keyring";
import { resealWebhookSecrets } from "../data-keys/reseal-webhook-secrets";
import { createWebhookSecretCipher } from "../data-keys/webhook-secret-cipher";
import { createTestApi } from "../testing";
import { startReceiver, type ReceivedWebhook } from "./receiver.fixture";

/** Whether the Standard Webhooks library accepts the delivery under `secret`. */
function verifies(secret: string, request: ReceivedWebhook | undefined): boolean {
  if (!request) return false;
  try {
    new Webhook(secret).verify(request.body, {
      "webhook-id": String(request.headers["webhook-id"]),
      "webhook-timestamp": String(request.headers["webhook-timestamp"]),
      "webhook-signature": String(request.headers["webhook-signature"]),
    });
    return true;
  } catch {
    return false;
  }
}

describe("the webhook secret cipher", () => {
  const keyring = createKeyring(randomBytes(32));
  const cipher = createWebhookSecretCipher(keyring);
  const secret = `whsec_${randomBytes(32).toString("base64")}`;

  it("opens what it sealed, for the same endpoint under the same key only", () => {
    const sealed = cipher.seal("whep-a", secret);
    expect(sealed).not.toContain(secret.slice(6));
    expect(sealed.startsWith(`${keyring.primary.id}:`)).toBe(true);
    expect(cipher.keyIdOf(sealed)).toBe(keyring.primary.id);
    expect(cipher.open("whep-a", sealed)).toBe(secret);
    // Copied onto another endpoint's row, it opens for nobody.
    expect(() => cipher.open("whep-b", sealed)).toThrow();
    expect(() => createWebhookSecretCipher(createKeyring(randomBytes(32))).open("whep-a", sealed)).toThrow(/webhook endpoint whep-a is sealed under a data key this server does not hold/);
    // One character of the sealed data changed (not the last, which may carry only padding bits).
    const at = sealed.length - 2;
    const flipped = sealed.slice(0, at) + (sealed[at] === "A" ? "B" : "A") + sealed.slice(at + 1);
    expect(() => cipher.open("whep-a", flipped)).toThrow();
    expect(() => cipher.open("whep-a", "not sealed at all")).toThrow(/sealed under a data key this server does not hold/);
  });

  it("takes a secret from before sealing as it is, and says it is under no key", () => {
    expect(cipher.open("whep-a", secret)).toBe(secret);
    expect(cipher.keyIdOf(secret)).toBeNull();
  });
});

describe.each(testDialects())("webhook secrets at rest on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(async () => receiver.close());
  // A database each: a rotation seals every endpoint of it under a key the next test would lack.
  beforeEach(async () => {
    api = await createTestApi(dialect);
  });
  afterEach(async () => api.close());

  // The Standard Webhooks library judges timestamps by the real clock.
  const startNow = () => api.clock.set(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString());
  const storedRows = async () => JSON.stringify([await api.deps.db.selectFrom("webhook_endpoints").selectAll().execute(), await api.deps.db.selectFrom("idempotency_keys").selectAll().execute()]);
  const testDelivery = async (seller: Awaited<ReturnType<typeof api.newSeller>>, endpointId: string) => {
    receiver.received.length = 0;
    expect((await seller.admin.webhooks.sendTest({ endpointId })).delivered).toBe(true);
    return receiver.received[0];
  };

  it("keeps no secret readable in the database, nor in the create's idempotency record, and signs with both while they overlap", async () => {
    startNow();
    const seller = await api.newSeller();
    const input = { url: receiver.url, eventTypes: ["offer.sent" as const], idempotencyKey: "crm-sealed" };
    const { endpoint, secret } = await seller.admin.webhooks.create(input);
    const rotated = await seller.admin.webhooks.rotateSecret({ endpointId: endpoint.id, overlapHours: 6 });

    const rows = await storedRows();
    for (const plain of [secret, rotated.secret]) expect(rows).not.toContain(plain.slice(6));
    expect(rows).not.toContain("whsec_");

    const request = await testDelivery(seller, endpoint.id);
    expect([verifies(secret, request), verifies(rotated.secret, request)]).toEqual([true, true]);
    // A retried create answers with the endpoint's secret as it stands: the one that signs now.
    expect(await seller.admin.webhooks.create(input)).toEqual({ endpoint: expect.objectContaining({ id: endpoint.id }), secret: rotated.secret });
  });

  it("seals again the secrets stored before sealing, then those under an older data key, and they still sign", async () => {
    startNow();
    const seller = await api.newSeller();
    const { endpoint } = await seller.admin.webhooks.create({ url: receiver.url, eventTypes: ["offer.sent"] });
    const unsealed = { secret: `whsec_${randomBytes(32).toString("base64")}`, previous_secret: `whsec_${randomBytes(32).toString("base64")}`, previous_secret_expires_at: new Date(Date.now() + 3_600_000).toISOString() };
    await api.deps.db.updateTable("webhook_endpoints").set(unsealed).where("id", "=", endpoint.id).execute();
    // Taken as they are until sealed: deliveries never stop.
    expect(verifies(unsealed.secret, await testDelivery(seller, endpoint.id))).toBe(true);

    const primaryId = createKeyring(api.dataKey).primary.id;
    expect(await resealWebhookSecrets(api.deps, primaryId, "unsealed")).toMatchObject({ resealed: 1, remaining: 0 });
    expect(await resealWebhookSecrets(api.deps, primaryId, "unsealed")).toMatchObject({ resealed: 0, remaining: 0 });
    const row = await api.deps.db.selectFrom("webhook_endpoints").selectAll().where("id", "=", endpoint.id).executeTakeFirstOrThrow();
    expect([row.secret.startsWith(`${primaryId}:`), row.previous_secret?.startsWith(`${primaryId}:`)]).toEqual([true, true]);
    const request = await testDelivery(seller, endpoint.id);
    expect([verifies(unsealed.secret, request), verifies(unsealed.previous_secret, request)]).toEqual([true, true]);

    // A key rotation: the new key first, the old one still held.
    const rotated = createKeyring(randomBytes(32), [api.dataKey]);
    const rotating = { db: api.deps.db, webhookSecrets: createWebhookSecretCipher(rotated) };
    const result = await resealWebhookSecrets(rotating, rotated.primary.id, "not-primary");
    expect(result.remaining).toBe(0);
    expect(result.resealed).toBeGreaterThanOrEqual(1);
    const onlyNewKey = createWebhookSecretCipher(createKeyring(rotated.primary.key));
    const after = await api.deps.db.selectFrom("webhook_endpoints").selectAll().where("id", "=", endpoint.id).executeTakeFirstOrThrow();
    expect(onlyNewKey.open(endpoint.id, after.secret)).toBe(unsealed.secret);
    expect(onlyNewKey.open(endpoint.id, after.previous_secret ?? "")).toBe(unsealed.previous_secret);

    // One sealed under a key the ring lacks is named and left; the others are still sealed again.
    const stray = await seller.admin.webhooks.create({ url: receiver.url, eventTypes: ["offer.sent"] });
    const foreign = createWebhookSecretCipher(createKeyring(randomBytes(32))).seal(stray.endpoint.id, stray.secret);
    await api.deps.db.updateTable("webhook_endpoints").set({ secret: foreign }).where("id", "=", stray.endpoint.id).execute();
    const again = createKeyring(randomBytes(32), [rotated.primary.key, api.dataKey]);
    expect(await resealWebhookSecrets({ db: api.deps.db, webhookSecrets: createWebhookSecretCipher(again) }, again.primary.id, "not-primary")).toEqual({
      resealed: 1,
      remaining: 1,
      unreadable: [stray.endpoint.id],
    });
  });
});
