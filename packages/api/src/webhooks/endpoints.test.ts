import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { createTestApi } from "../testing";
import type { WebhookPoster } from "@offerkit/core";
import { createHttpWebhookPoster } from "@offerkit/webhook-http";

const HTTPS = "https://hooks.example.test/offerkit";

describe.each(testDialects())("webhook endpoints on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  it("makes an endpoint with a secret shown once, in the Standard Webhooks form", async () => {
    const seller = await api.newSeller();
    const created = await seller.admin.webhooks.create({ url: HTTPS, eventTypes: ["offer.sent", "offer.accepted", "offer.sent"], description: "CRM" });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.secret.slice(6), "base64")).toHaveLength(32);
    expect(created.endpoint).toMatchObject({ url: HTTPS, description: "CRM", eventTypes: ["offer.accepted", "offer.sent"], enabled: true, includeContactDetails: false });
    const listed = await seller.admin.webhooks.list();
    expect(listed).toEqual([created.endpoint]);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(6));
  });

  it("answers a retried create with the same endpoint, not a second one", async () => {
    const seller = await api.newSeller();
    const input = { url: HTTPS, eventTypes: ["offer.sent" as const], idempotencyKey: "crm-endpoint-1" };
    const [first, second] = await Promise.all([seller.admin.webhooks.create(input), seller.admin.webhooks.create(input)]);
    expect(second.endpoint.id).toBe(first.endpoint.id);
    expect(await seller.admin.webhooks.list()).toHaveLength(1);

    // Another key of the seller with the same idempotency key makes its own: it never reads this secret.
    const other = await seller.keyWith("webhooks:write");
    const theirs = await other.webhooks.create(input);
    expect(theirs.endpoint.id).not.toBe(first.endpoint.id);
    expect(theirs.secret).not.toBe(first.secret);
  });

  it.each([
    ["http://hooks.example.test/x", "https"],
    ["ftp://hooks.example.test/x", "https"],
    ["https://user:pw@hooks.example.test/x", "user name or password"],
    ["https://hooks.example.test/x#part", "fragment"],
    ["not a url", "Not a URL"],
    [`https://hooks.example.test/${"x".repeat(2000)}`, "at most 2000"],
  ])("refuses %s by its rule", async (url, rule) => {
    const seller = await api.newSeller();
    const refused = await failure(seller.admin.webhooks.create({ url, eventTypes: ["offer.sent"] }));
    expect(refused.code).toBe("VALIDATION_FAILED");
    expect(refused.paths).toEqual(["url"]);
    expect(refused.issues[0]?.message).toContain(rule);
    expect(await seller.admin.webhooks.list()).toEqual([]);
  });

  it("refuses unknown event types and an empty list, naming them", async () => {
    const seller = await api.newSeller();
    const unknown = await failure(seller.admin.webhooks.create({ url: HTTPS, eventTypes: ["offer.sent", "offer.deleted" as "offer.sent"] }));
    expect(unknown.paths).toEqual(["eventTypes.1"]);
    expect(unknown.issues[0]?.message).toContain('Unknown event type "offer.deleted"');
    const none = await failure(seller.admin.webhooks.create({ url: HTTPS, eventTypes: [] }));
    expect(none.issues[0]?.message).toBe("Choose at least one event type");
  });

  describe("with private networks not allowed (the default)", () => {
    let permissive: WebhookPoster;
    beforeAll(() => {
      permissive = api.deps.webhookPoster;
      api.deps.webhookPoster = createHttpWebhookPoster();
    });
    afterAll(() => {
      api.deps.webhookPoster = permissive;
    });

    it.each([
      "http://127.0.0.1:8080/hooks",
      "http://localhost:8080/hooks",
      "https://10.1.2.3/hooks",
      "https://192.168.0.10/hooks",
      "https://172.16.5.5/hooks",
      "https://169.254.169.254/latest/meta-data",
      "https://100.64.0.1/hooks",
      "https://[::1]/hooks",
      "https://[fd00::1]/hooks",
      "https://[fe80::1]/hooks",
      "https://[::ffff:10.0.0.1]/hooks",
      "https://0.0.0.0/hooks",
    ])("refuses %s when it is saved", async (url) => {
      const seller = await api.newSeller();
      const refused = await failure(seller.admin.webhooks.create({ url, eventTypes: ["offer.sent"] }));
      expect(refused.code).toBe("VALIDATION_FAILED");
      expect(refused.paths).toEqual(["url"]);
      expect(refused.message).toMatch(/private or reserved address/);
    });

    it("refuses a private address on update too, and keeps the URL it had", async () => {
      const seller = await api.newSeller();
      const { endpoint } = await seller.admin.webhooks.create({ url: "https://93.184.216.34/hooks", eventTypes: ["offer.sent"] });
      await failure(seller.admin.webhooks.update({ endpointId: endpoint.id, url: "https://10.0.0.1/hooks" }));
      expect((await seller.admin.webhooks.get({ endpointId: endpoint.id })).url).toBe("https://93.184.216.34/hooks");
    });
  });

  it("sends contacts' details only to https, and only for a key that may read contacts", async () => {
    const seller = await api.newSeller();
    const http = await failure(seller.admin.webhooks.create({ url: "http://127.0.0.1:9/hooks", eventTypes: ["contact.shared"], includeContactDetails: true }));
    expect(http.paths).toEqual(["includeContactDetails"]);
    const narrow = await seller.keyWith("webhooks:write", "webhooks:read");
    expect((await failure(narrow.webhooks.create({ url: HTTPS, eventTypes: ["contact.shared"], includeContactDetails: true }))).code).toBe("FORBIDDEN");
    const { endpoint } = await narrow.webhooks.create({ url: HTTPS, eventTypes: ["contact.shared"] });
    expect((await failure(narrow.webhooks.update({ endpointId: endpoint.id, includeContactDetails: true }))).code).toBe("FORBIDDEN");
    const enrolled = await seller.admin.webhooks.update({ endpointId: endpoint.id, includeContactDetails: true });
    expect(enrolled.includeContactDetails).toBe(true);
    const downgrade = await failure(seller.admin.webhooks.update({ endpointId: endpoint.id, url: "http://127.0.0.1:9/hooks" }));
    expect(downgrade.paths).toEqual(["includeContactDetails"]);

    // A key without contacts:read may still rename, disable or stop the details, never send them elsewhere.
    expect((await narrow.webhooks.update({ endpointId: endpoint.id, description: "CRM, contacts" })).description).toBe("CRM, contacts");
    expect((await narrow.webhooks.update({ endpointId: endpoint.id, enabled: false })).enabled).toBe(false);
    expect((await failure(narrow.webhooks.update({ endpointId: endpoint.id, url: "https://93.184.216.34/elsewhere" }))).code).toBe("FORBIDDEN");
    expect((await narrow.webhooks.update({ endpointId: endpoint.id, includeContactDetails: false })).includeContactDetails).toBe(false);
  });

  it("keeps every seller to its own endpoints", async () => {
    const owner = await api.newSeller("owner");
    const other = await api.newSeller("other");
    const { endpoint } = await owner.admin.webhooks.create({ url: HTTPS, eventTypes: ["offer.sent"] });
    expect(await other.admin.webhooks.list()).toEqual([]);
    const endpointId = endpoint.id;
    const calls = [
      () => other.admin.webhooks.get({ endpointId }),
      () => other.admin.webhooks.update({ endpointId, enabled: false }),
      () => other.admin.webhooks.delete({ endpointId }),
      () => other.admin.webhooks.rotateSecret({ endpointId }),
      () => other.admin.webhooks.sendTest({ endpointId }),
      () => other.admin.webhooks.deliveries({ endpointId }),
      () => other.admin.webhooks.replay({ endpointId, since: "2027-01-01T00:00:00Z", until: "2027-12-31T00:00:00Z" }),
    ];
    for (const call of calls) expect((await failure(call())).code).toBe("NOT_FOUND");
    expect(await owner.admin.webhooks.get({ endpointId })).toEqual(endpoint);
  });

  it("asks webhooks:read to look and webhooks:write to change", async () => {
    const seller = await api.newSeller();
    const { endpoint } = await seller.admin.webhooks.create({ url: HTTPS, eventTypes: ["offer.sent"] });
    const offersOnly = await seller.keyWith("offers:read", "offers:write");
    expect((await failure(offersOnly.webhooks.list())).code).toBe("FORBIDDEN");
    const reader = await seller.keyWith("webhooks:read");
    expect(await reader.webhooks.list()).toHaveLength(1);
    expect((await failure(reader.webhooks.update({ endpointId: endpoint.id, enabled: false }))).code).toBe("FORBIDDEN");
    expect((await failure(reader.webhooks.sendTest({ endpointId: endpoint.id }))).code).toBe("FORBIDDEN");
    const buyer = await seller.buyer("123456789012");
    expect((await failure(buyer.webhooks.list())).code).toBe("UNAUTHORIZED");
  });

  it("rotates a secret with a stated overlap, and forgets the old one at 0", async () => {
    const seller = await api.newSeller();
    const { endpoint, secret } = await seller.admin.webhooks.create({ url: HTTPS, eventTypes: ["offer.sent"] });
    const rotated = await seller.admin.webhooks.rotateSecret({ endpointId: endpoint.id, overlapHours: 6 });
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.previousSecretExpiresAt).toBe(new Date(api.clock.now().getTime() + 6 * 3_600_000).toISOString());
    expect((await seller.admin.webhooks.get({ endpointId: endpoint.id })).previousSecretExpiresAt).toBe(rotated.previousSecretExpiresAt);
    const again = await seller.admin.webhooks.rotateSecret({ endpointId: endpoint.id, overlapHours: 0 });
    expect(again.previousSecretExpiresAt).toBeNull();
    expect((await failure(seller.admin.webhooks.rotateSecret({ endpointId: endpoint.id, overlapHours: 169 }))).paths).toEqual(["overlapHours"]);
  });

  it("deletes an endpoint", async () => {
    const seller = await api.newSeller();
    const { endpoint } = await seller.admin.webhooks.create({ url: HTTPS, eventTypes: ["offer.sent"] });
    expect(await seller.admin.webhooks.delete({ endpointId: endpoint.id })).toEqual({ deleted: true });
    expect((await failure(seller.admin.webhooks.get({ endpointId: endpoint.id }))).code).toBe("NOT_FOUND");
  });
});
