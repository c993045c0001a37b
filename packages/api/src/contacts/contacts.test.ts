import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CONTACT_EXPORT_COLUMNS } from "@offerkit/core";
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
  phone: `+44 (20) 7946-01${String(n).padStart(2, "0")}`,
  countryCode: "GB",
  postalCode: "SW1A 1AA",
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

  it("shares a contact with consent, normalised, and shows it to its buyer", async () => {
    const { alice, subscription } = await setup();
    const shared = await alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(1) });
    expect(shared).toMatchObject({ email: "ada.1@engines.example", phone: "+442079460101", organization: "Analytical Engines, Ltd." });
    expect(await alice.buyer.contacts.list()).toEqual([shared]);
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
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: { ...contact(1), phone: "020 7946 0101" } }), "VALIDATION_FAILED", ["contact.phone"]],
      [() => alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: { ...contact(1), organization: "" } }), "VALIDATION_FAILED", ["contact.organization"]],
      [() => bob.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(1) }), "NOT_FOUND", []],
      [() => other.alice.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: contact(1) }), "NOT_FOUND", []],
    ];
    for (const [call, code, paths] of cases) {
      const refused = await failure(call());
      expect(refused.code).toBe(code);
      expect(refused.paths).toEqual(paths);
      expect(refused.message).not.toMatch(/engines|7946|lovelace/i);
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

  it("sends adds, edits and deletions to the seller's feed and CSV, erasing a deleted contact", async () => {
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
    expect(feed.changes.map((change) => [change.contactId, change.operation, change.contact?.title ?? null])).toEqual([
      [kept.id, "added", "CTO"],
      [kept.id, "updated", "CTO"],
      [gone.id, "deleted", null],
    ]);
    expect(feed.changes[0]).toMatchObject({ account: ALICE, subscriptionId: subscription.id, productId: product.id, marketplaceProductId: product.marketplaceProductId });
    expect((await reader.contacts.changes({ since: feed.nextCursor })).changes).toEqual([]);

    const exported = await reader.contacts.exportCsv({ since: start.nextCursor });
    const lines = exported.csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(CONTACT_EXPORT_COLUMNS.join(","));
    expect(lines[1]).toBe(
      `${product.marketplaceProductId},${product.productCode},${feed.changes[0]?.customerGuid},${subscription.id},2027-03-01,"Analytical Engines, Ltd.",${ALICE},Ada,Lovelace1,'+442079460101,ada.1@engines.example,CTO,GB,SW1A 1AA,Added,2027-03-02T10:00:00.000Z`,
    );
    expect(lines[3]).toBe(`${product.marketplaceProductId},${product.productCode},${feed.changes[0]?.customerGuid},${subscription.id},2027-03-01,,${ALICE},,,,,,,,Deleted,2027-03-02T11:00:00.000Z`);
    expect(exported.csv).not.toContain("Lovelace2");
    expect((await failure(alice.buyer.contacts.update({ contactId: gone.id, consent: true, contact: contact(2) }))).code).toBe("NOT_FOUND");
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
    expect(dump).not.toContain("4420794601");
    expect(dump).not.toContain("lovelace");
    if (dialect === "sqlite") {
      const file = join(api.database.dataDir, "offerkit.sqlite");
      const bytes = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((path) => readFileSync(path))).toString("latin1").toLowerCase();
      expect(bytes).not.toContain("engines.example");
      expect(bytes).not.toContain("+442079460142");
      expect(bytes).toContain("v1.");
    }
  });
});
