import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONTACT_EXPORT_COLUMNS } from "@offerkit/core";
import { endSubscription } from "@offerkit/db";
import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { createTestApi, sampleProduct, TEST_START } from "../testing";

const ALICE = "111111111111";
const BOB = "222222222222";
const contact = (n: number) => ({
  givenName: "Ada",
  surname: `Lovelace${n}`,
  title: "Head of IT",
  organization: "Analytical Engines, Ltd.",
  email: `Ada.${n}@Engines.Example`,
  phone: `(206) 555-01${String(n).padStart(2, "0")}`,
  countryCode: "US",
  postalCode: "98109",
});

describe.each(testDialects())("Product Support Connection on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  // Every console line of this suite is checked for personal data by src/log-guard.ts.
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  async function setup({ enrolled = true } = {}) {
    api.clock.set(TEST_START);
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(
      sampleProduct({ pricing: { model: "free", dimensions: [] } }),
    );
    if (enrolled) expect((await seller.admin.products.setSupportConnection({ productId: product.id, enrolled: true })).supportConnection).toBe(true);
    const alice = await seller.buyer(ALICE);
    const subscription = await alice.buyer.subscriptions.subscribe({ asin: product.asin });
    return { seller, product, alice, subscription };
  }

  const countRows = async () => (await api.deps.db.selectFrom("contacts").select("id").where("deleted_at", "is", null).execute()).length;

  it("shares a contact with consent, the phone as typed with its E.164 form beside it, and shows it to its buyer", async () => {
    const { alice, subscription } = await setup();
    const shared = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(1) });
    expect(shared).toMatchObject({ email: "ada.1@engines.example", phone: "(206) 555-0101", phoneE164: "+12065550101", organization: "Analytical Engines, Ltd." });
    expect(await alice.buyer.contacts.list()).toEqual([shared]);
    const phones: [string, string | undefined, string | null][] = [
      ["206 555 0100", "US", "+12065550100"],
      ["+44 20 7946 0958", undefined, "+442079460958"],
      ["020 7946 0958", "GB", "+442079460958"],
      ["555-947-8228", "US", null],
      ["206 555 0100", undefined, null],
    ];
    for (const [phone, countryCode, phoneE164] of phones) {
      const { postalCode: _zip, ...rest } = contact(2);
      const updated = await alice.buyer.contacts.update({ contactId: shared.id, consent: true, contact: { ...rest, phone, ...(countryCode ? { countryCode } : { countryCode: undefined }) } });
      expect([updated.phone, updated.phoneE164]).toEqual([phone, phoneE164]);
    }
  });

  it("refuses each wrong share with its own error and stores nothing", async () => {
    const { seller, alice, subscription } = await setup();
    const notEnrolled = await setup({ enrolled: false });
    const bob = await seller.buyer(BOB);
    const other = await setup();
    const before = await countRows();
    const cases: [() => Promise<unknown>, string, string[]][] = [
      [() => notEnrolled.alice.buyer.contacts.share({ subscriptionId: notEnrolled.subscription.id, consent: true, contact: contact(1) }), "SUPPORT_CONNECTION_NOT_ENROLLED", []],
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: false, contact: contact(1) }), "CONSENT_REQUIRED", ["consent"]],
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: { ...contact(1), email: "ada@" } }), "VALIDATION_FAILED", ["contact.email"]],
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: { ...contact(1), phone: "call 206 555 0100" } }), "VALIDATION_FAILED", ["contact.phone"]],
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: { ...contact(1), phone: "+1 206 555 0100 0000 0000 00" } }), "VALIDATION_FAILED", ["contact.phone"]],
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: { ...contact(1), countryCode: "GB" } }), "VALIDATION_FAILED", ["contact.postalCode"]],
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: { ...contact(1), postalCode: "9810" } }), "VALIDATION_FAILED", ["contact.postalCode"]],
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: { ...contact(1), countryCode: "XX", postalCode: undefined } }), "VALIDATION_FAILED", ["contact.countryCode"]],
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: { ...contact(1), organization: "x".repeat(256) } }), "VALIDATION_FAILED", ["contact.organization"]],
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: { ...contact(1), organization: "" } }), "VALIDATION_FAILED", ["contact.organization"]],
      [() => bob.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(1) }), "NOT_FOUND", []],
      [() => other.alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(1) }), "NOT_FOUND", []],
    ];
    for (const [call, code, paths] of cases) {
      const refused = await failure(call());
      expect(refused.code).toBe(code);
      expect(refused.paths).toEqual(paths);
      expect(refused.message).not.toMatch(/engines|555-01|lovelace/i);
    }
    expect(await countRows()).toBe(before);
  });

  it("holds at most 5 contacts per subscription, even when shares arrive together", async () => {
    const { alice, subscription } = await setup();
    for (let n = 1; n <= 3; n += 1) await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(n) });
    const results = await Promise.allSettled(
      [4, 5, 6, 7, 8].map((n) => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(n) })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(2);
    expect((await failure(alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(9) }))).code).toBe("CONTACT_LIMIT_REACHED");
    expect(await alice.buyer.contacts.list()).toHaveLength(5);
  });

  it("sends each contact once per window with its latest operation, erasing a deleted contact", async () => {
    const { seller, product, alice, subscription } = await setup();
    const reader = await seller.keyWith("contacts:read");
    const start = await reader.contacts.changes();
    api.clock.set("2027-03-02T10:00:00.000Z");
    const kept = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(1) });
    const gone = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(2) });
    api.clock.set("2027-03-02T11:00:00.000Z");
    await alice.buyer.contacts.update({ contactId: kept.id, consent: true, contact: { ...contact(1), title: "CTO" } });
    await alice.buyer.contacts.delete({ contactId: gone.id });

    const feed = await reader.contacts.changes({ since: start.nextCursor });
    expect(feed.changes.map((change) => [change.contactId, change.operation, change.at, change.contact?.title ?? null])).toEqual([
      [kept.id, "UPDATE", "2027-03-02T11:00:00.000Z", "CTO"],
      [gone.id, "DELETE", "2027-03-02T11:00:00.000Z", null],
    ]);
    expect(feed.changes[0]).toMatchObject({
      account: ALICE,
      subscriptionId: subscription.id,
      subscriptionStartDate: "2027-03-01T12:00:00.000Z",
      productId: product.id,
      marketplaceProductId: product.marketplaceProductId,
    });
    const guids = feed.changes.map((change) => change.customerGuid);
    expect(new Set(guids).size).toBe(2);
    for (const guid of [...guids, feed.changes[0]?.subscriptionGuid]) expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The same contact keeps its GUID from window to window.
    const earlier = await reader.contacts.changes({ since: start.nextCursor, limit: 1 });
    expect(earlier.changes.map((change) => [change.operation, change.customerGuid])).toEqual([["CREATE", guids[0]]]);
    expect((await reader.contacts.changes({ since: feed.nextCursor })).changes).toEqual([]);

    const exported = await reader.contacts.exportCsv({ since: start.nextCursor });
    const lines = exported.csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(CONTACT_EXPORT_COLUMNS.join(","));
    expect(lines.slice(1)).toEqual([
      `${product.marketplaceProductId},${product.productCode},${guids[0]},${feed.changes[0]?.subscriptionGuid},2027-03-01T12:00:00.000Z,"Analytical Engines, Ltd.",${ALICE},Ada,Lovelace1,(206) 555-0101,ada.1@engines.example,CTO,US,98109,2027-03-02T11:00:00.000Z,UPDATE`,
      `${product.marketplaceProductId},${product.productCode},${guids[1]},${feed.changes[0]?.subscriptionGuid},2027-03-01T12:00:00.000Z,,${ALICE},,,,,,,,2027-03-02T11:00:00.000Z,DELETE`,
    ]);
    expect(exported.csv).not.toContain("Lovelace2");
    expect((await failure(alice.buyer.contacts.update({ contactId: gone.id, consent: true, contact: contact(2) }))).code).toBe("NOT_FOUND");
  });

  it("deletes a subscription's contacts when it is cancelled or ends, and takes none after", async () => {
    const { seller, alice, subscription } = await setup();
    const reader = await seller.keyWith("contacts:read");
    const first = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(1) });
    const second = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(2) });
    const start = await reader.contacts.changes();
    api.clock.set("2027-03-05T08:00:00.000Z");
    await alice.buyer.subscriptions.cancel({ subscriptionId: subscription.id });
    api.clock.set("2027-03-05T09:00:00.000Z");
    const refusals = [
      await failure(alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(3) })),
      await failure(alice.buyer.contacts.update({ contactId: first.id, consent: true, contact: contact(3) })),
    ];
    expect(refusals.map((refused) => refused.code)).toEqual(["SUBSCRIPTION_NOT_ACTIVE", "SUBSCRIPTION_NOT_ACTIVE"]);
    const feed = await reader.contacts.changes({ since: start.nextCursor });
    expect(feed.changes.map((change) => [change.contactId, change.operation, change.at, change.contact]).sort()).toEqual(
      [
        [first.id, "DELETE", "2027-03-05T08:00:00.000Z", null],
        [second.id, "DELETE", "2027-03-05T08:00:00.000Z", null],
      ].sort(),
    );
    expect(await alice.buyer.contacts.list()).toEqual([]);
    // Read again: the deletions are not sent twice.
    expect((await reader.contacts.changes({ since: feed.nextCursor })).changes).toEqual([]);

    // A subscription that runs out by the clock, as a marketplace agreement does.
    const other = await setup();
    const otherReader = await other.seller.keyWith("contacts:read");
    const kept = await other.alice.buyer.contacts.share({ subscriptionId: other.subscription.id, consent: true, contact: contact(4) });
    await endSubscription(api.deps.db, other.subscription.id, "2027-03-10T00:00:00.000Z");
    api.clock.set("2027-03-09T23:59:59.000Z");
    await other.alice.buyer.contacts.update({ contactId: kept.id, consent: true, contact: { ...contact(4), title: "CTO" } });
    const before = await otherReader.contacts.changes();
    expect(before.changes.map((change) => change.operation)).toEqual(["UPDATE"]);
    api.clock.set("2027-03-10T00:00:00.000Z");
    expect((await failure(other.alice.buyer.contacts.share({ subscriptionId: other.subscription.id, consent: true, contact: contact(5) }))).code).toBe(
      "SUBSCRIPTION_NOT_ACTIVE",
    );
    const after = await otherReader.contacts.exportCsv({ since: before.nextCursor });
    expect(after.csv.trimEnd().split("\r\n")[1]).toMatch(/,,,,,,,,2027-03-10T00:00:00\.000Z,DELETE$/);
  });

  it("reports and skips a contact whose key is lost, and serves the rest", async () => {
    const { seller, alice, subscription } = await setup();
    const reader = await seller.keyWith("contacts:read");
    const start = await reader.contacts.changes();
    const lost = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(1) });
    const fine = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(2) });
    for (const name of await api.contactKeys.list()) if (name.contactId === lost.id) await api.contactKeys.remove(name);

    const feed = await reader.contacts.changes({ since: start.nextCursor });
    expect(feed.changes.map((change) => change.contactId)).toEqual([fine.id]);
    expect(feed.unreadable.map((entry) => entry.contactId)).toEqual([lost.id]);
    const exported = await reader.contacts.exportCsv({ since: start.nextCursor });
    expect([exported.rows, exported.unreadable.map((entry) => entry.contactId)]).toEqual([1, [lost.id]]);
    expect((await alice.buyer.contacts.list()).map((view) => view.id)).toEqual([fine.id]);
    // Its deletion still goes through, and is sent.
    await alice.buyer.contacts.delete({ contactId: lost.id });
    const after = await reader.contacts.changes({ since: feed.nextCursor });
    expect(after.changes.map((change) => [change.contactId, change.operation])).toEqual([[lost.id, "DELETE"]]);
  });

  it("shows contacts only to their seller's contacts:read keys", async () => {
    const { seller, alice, subscription } = await setup();
    await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(1) });
    const other = await api.newSeller();
    const otherReader = await other.keyWith("contacts:read");
    expect((await otherReader.contacts.changes()).changes).toEqual([]);
    expect((await failure((await seller.keyWith("support:read")).contacts.changes())).code).toBe("FORBIDDEN");
    expect((await failure(seller.admin.buyer.contacts.list())).code).toBe("UNAUTHORIZED");
  });

  it("keeps no e-mail or phone in clear text in the database", async () => {
    const { alice, subscription } = await setup();
    await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(42) });
    const rows = await api.deps.db.selectFrom("contacts").selectAll().execute();
    const dump = JSON.stringify(rows).toLowerCase();
    expect(dump).not.toContain("engines.example");
    expect(dump).not.toContain("555-0142");
    expect(dump).not.toContain("lovelace");
    if (dialect === "sqlite") {
      const file = join(api.database.dataDir, "offerkit.sqlite");
      const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path))).toString("latin1").toLowerCase();
      expect(bytes).not.toContain("engines.example");
      expect(bytes).not.toContain("555-0142");
      expect(bytes).toContain("v2.");
    }
  });
});
