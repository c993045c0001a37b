import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findOffer,
  findStampedEulaCopy,
  insertOffer,
  insertSeller,
  markOfferSent,
  migrateToLatest,
  pendingMigrations,
  recordStampedEulaCopy,
  type StampedEulaCopyRecord,
} from "./index";
import { insertFreeProduct, migrateBackBefore, openTestDatabase, testDialects, type TestDatabase } from "./testing";

const at = "2027-03-01T12:00:00.000Z";
const OFFER = "offer-000000000001";
const ALICE = "012345678901";

const copy = (overrides: Partial<StampedEulaCopyRecord> = {}): StampedEulaCopyRecord => ({
  offerId: OFFER,
  buyerAccount: ALICE,
  sellerId: "seller-a",
  originalSha256: "a".repeat(64),
  sha256: "b".repeat(64),
  size: 1234,
  footer: `Offer ${OFFER} · for AWS account ${ALICE} · sent 2027-03-01`,
  createdAt: at,
  ...overrides,
});

describe.each(testDialects())("stamped EULA copies on %s", (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    const { db } = handle;
    await insertSeller(db, { id: "seller-a", name: "A", dataSharingEnrolled: true, createdAt: at });
    await insertSeller(db, { id: "seller-b", name: "B", dataSharingEnrolled: true, createdAt: at });
    await insertFreeProduct(db, { sellerId: "seller-a", asin: "B000000001", id: "prod-one" });
    await insertOffer(db, {
      id: OFFER,
      sellerId: "seller-a",
      productId: "prod-one",
      terms: { name: "Deal", buyerAccounts: [ALICE, "222222222222"], eulaSha256: "a".repeat(64) },
      replacesOfferId: null,
      createdAt: at,
    });
    const offer = await findOffer(db, "seller-a", OFFER);
    await markOfferSent(db, { sellerId: "seller-a", id: OFFER, version: offer?.version ?? 0, buyerUrl: "x", termsSha256: "f".repeat(64), sentAt: at });
  });
  afterAll(async () => handle.close());

  it("records a copy once per offer and account, whoever records it first", async () => {
    expect(await findStampedEulaCopy(handle.db, "seller-a", OFFER, ALICE)).toBeNull();
    const first = await recordStampedEulaCopy(handle.db, copy());
    expect(first).toEqual(copy());
    // A second copy, made by a request that lost the race: the first one stands.
    const second = await recordStampedEulaCopy(handle.db, copy({ sha256: "c".repeat(64), createdAt: "2027-03-02T00:00:00.000Z" }));
    expect(second).toEqual(copy());
    expect(await findStampedEulaCopy(handle.db, "seller-a", OFFER, ALICE)).toEqual(copy());
  });

  it("settles copies recorded together on one row", async () => {
    const account = "222222222222";
    const made = await Promise.all(
      ["1", "2", "3", "4"].map((digit) => recordStampedEulaCopy(handle.db, copy({ buyerAccount: account, sha256: digit.repeat(64) }))),
    );
    expect(new Set(made.map((record) => record.sha256)).size).toBe(1);
    const rows = await handle.db.selectFrom("stamped_eula_copies").selectAll().where("buyer_account", "=", account).execute();
    expect(rows.map((row) => row.sha256)).toEqual([made[0]?.sha256]);
  });

  it("shows a copy to its seller only", async () => {
    expect(await findStampedEulaCopy(handle.db, "seller-b", OFFER, ALICE)).toBeNull();
    // Recording under the wrong seller cannot reach the real seller's row either.
    await expect(recordStampedEulaCopy(handle.db, copy({ sellerId: "seller-b" }))).rejects.toThrow("was not recorded");
  });

  it("migration 0013 goes down and up again", async () => {
    await migrateBackBefore(handle.db, "0013-stamped-eula-copies");
    expect(await pendingMigrations(handle.db)).toContain("0013-stamped-eula-copies");
    await migrateToLatest(handle.db);
    expect(await pendingMigrations(handle.db)).toEqual([]);
    expect(await findStampedEulaCopy(handle.db, "seller-a", OFFER, ALICE)).toBeNull();
  });
});
