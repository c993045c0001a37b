import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  findOffer,
  findPublication,
  insertAgreement,
  insertOffer,
  insertPublication,
  insertSeller,
  insertSubscription,
  listAgreementsForOffer,
  listRecordedMarketplaceAgreements,
  listSubscriptionsOfAccount,
  markOfferSent,
  migrateToLatest,
  recordMarketplaceAgreement,
  updateMarketplaceAgreementStatus,
  updatePublication,
  type Database,
  type Kysely,
  type MarketplaceAgreementRecord,
  type SubscriptionRecord,
} from "./index";
import { insertFreeProduct, migrateBackBefore, openTestDatabase, testDialects, type TestDatabase } from "./testing";

const at = "2027-01-01T00:00:00.000Z";
const pricing = { model: "monthly" as const, monthlyFee: "99.5" };

async function sentOffer(db: Kysely<Database>, id: string): Promise<void> {
  await insertOffer(db, {
    id,
    sellerId: "seller-a",
    productId: "prod-a",
    terms: { name: "Deal", buyerAccounts: ["012345678901", "210987654321"], pricing },
    replacesOfferId: null,
    createdAt: at,
  });
  const version = (await findOffer(db, "seller-a", id))?.version ?? 0;
  await markOfferSent(db, { sellerId: "seller-a", id, version, buyerUrl: `https://example.test/offers/${id}`, termsSha256: "f".repeat(64), sentAt: at });
}

function records(offerId: string, marketplaceAgreementId: string, account: string, acceptedAt: string) {
  const agreement: MarketplaceAgreementRecord = {
    id: `agmt-${marketplaceAgreementId}-${Math.random().toString(36).slice(2, 10)}`,
    offerId,
    sellerId: "seller-a",
    productId: "prod-a",
    buyerAccount: account,
    startsAt: acceptedAt,
    endsAt: "2030-01-01T00:00:00.000Z",
    pricing,
    createdAt: acceptedAt,
    marketplaceAgreementId,
  };
  const subscription: SubscriptionRecord = {
    id: `sub-${Math.random().toString(36).slice(2, 14)}`,
    sellerId: "seller-a",
    productId: "prod-a",
    buyerAccount: account,
    pricingModel: "monthly",
    pricing,
    quantity: 1,
    offerId,
    visibility: "private",
    status: "active",
    startsAt: acceptedAt,
    endsAt: agreement.endsAt,
    cancelledAt: null,
  };
  return { agreement, subscription, acceptedAt };
}

describe.each(testDialects())("marketplace agreements repository on %s", (dialect) => {
  let handle: TestDatabase;
  let db: Kysely<Database>;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    db = handle.db;
    await insertSeller(db, { id: "seller-a", name: "A", dataSharingEnrolled: true, createdAt: at });
    await insertFreeProduct(db, { sellerId: "seller-a", asin: "B000000001", id: "prod-a" });
  });
  afterAll(async () => handle.close());

  it("records an agreement with its subscription and the offer's first acceptance, exactly once, even when two record it together", async () => {
    await sentOffer(db, "offer-once00000001");
    const first = records("offer-once00000001", "agmt-mkt-1", "012345678901", "2027-01-02T00:00:00.000Z");
    expect(await recordMarketplaceAgreement(db, first)).toBe("recorded");
    expect(await recordMarketplaceAgreement(db, records("offer-once00000001", "agmt-mkt-1", "012345678901", "2027-01-02T00:00:00.000Z"))).toBe("already_recorded");

    const together = await Promise.all([
      recordMarketplaceAgreement(db, records("offer-once00000001", "agmt-mkt-2", "210987654321", "2027-01-03T00:00:00.000Z")),
      recordMarketplaceAgreement(db, records("offer-once00000001", "agmt-mkt-2", "210987654321", "2027-01-03T00:00:00.000Z")),
    ]);
    expect(together.sort()).toEqual(["already_recorded", "recorded"]);

    const agreements = await listAgreementsForOffer(db, "offer-once00000001");
    expect(agreements.map((agreement) => agreement.marketplaceAgreementId)).toEqual(["agmt-mkt-1", "agmt-mkt-2"]);
    expect(await listSubscriptionsOfAccount(db, "seller-a", "210987654321")).toHaveLength(1);
    expect(await findOffer(db, "seller-a", "offer-once00000001")).toMatchObject({ status: "accepted", acceptedAt: "2027-01-02T00:00:00.000Z" });
    expect(await listRecordedMarketplaceAgreements(db, "offer-once00000001")).toEqual([
      { marketplaceAgreementId: "agmt-mkt-1", buyerAccount: "012345678901", subscriptionId: first.subscription.id, subscriptionStatus: "active", endsAt: "2030-01-01T00:00:00.000Z" },
      expect.objectContaining({ marketplaceAgreementId: "agmt-mkt-2", buyerAccount: "210987654321", subscriptionStatus: "active" }),
    ]);
  });

  it("answers already recorded, and writes nothing, for an account that accepted the offer on this server", async () => {
    await sentOffer(db, "offer-local0000001");
    const local = records("offer-local0000001", "unused", "012345678901", "2027-01-02T00:00:00.000Z");
    await insertAgreement(db, { ...local.agreement, marketplaceAgreementId: null });
    await insertSubscription(db, local.subscription);
    expect(await recordMarketplaceAgreement(db, records("offer-local0000001", "agmt-mkt-3", "012345678901", "2027-01-04T00:00:00.000Z"))).toBe("already_recorded");
    expect(await listRecordedMarketplaceAgreements(db, "offer-local0000001")).toEqual([]);
    expect((await findOffer(db, "seller-a", "offer-local0000001"))?.status).toBe("sent");
  });

  it("cancels or ends a recorded agreement's subscription once, and leaves one already stopped as it was", async () => {
    await sentOffer(db, "offer-status000001");
    await recordMarketplaceAgreement(db, records("offer-status000001", "agmt-mkt-4", "012345678901", "2027-01-02T00:00:00.000Z"));
    await recordMarketplaceAgreement(db, records("offer-status000001", "agmt-mkt-5", "210987654321", "2027-01-02T00:00:00.000Z"));
    expect(await updateMarketplaceAgreementStatus(db, "agmt-mkt-4", "cancelled", "2027-02-01T00:00:00.000Z")).toBe(true);
    expect(await updateMarketplaceAgreementStatus(db, "agmt-mkt-4", "cancelled", "2027-02-02T00:00:00.000Z")).toBe(false);
    expect(await updateMarketplaceAgreementStatus(db, "agmt-mkt-5", "ended", "2027-03-01T00:00:00.000Z")).toBe(true);
    expect(await updateMarketplaceAgreementStatus(db, "agmt-mkt-5", "cancelled", "2027-03-02T00:00:00.000Z")).toBe(false);
    expect(await updateMarketplaceAgreementStatus(db, "agmt-never-recorded", "ended", "2027-03-02T00:00:00.000Z")).toBe(false);
    const stood = await listRecordedMarketplaceAgreements(db, "offer-status000001");
    expect(stood.map(({ marketplaceAgreementId, subscriptionStatus, endsAt }) => ({ marketplaceAgreementId, subscriptionStatus, endsAt }))).toEqual([
      { marketplaceAgreementId: "agmt-mkt-4", subscriptionStatus: "cancelled", endsAt: "2027-02-01T00:00:00.000Z" },
      { marketplaceAgreementId: "agmt-mkt-5", subscriptionStatus: "active", endsAt: "2027-03-01T00:00:00.000Z" },
    ]);
    const [cancelled] = await listSubscriptionsOfAccount(db, "seller-a", "012345678901").then((all) => all.filter((s) => s.offerId === "offer-status000001"));
    expect(cancelled?.cancelledAt).toBe("2027-02-01T00:00:00.000Z");
  });
});

describe.each(testDialects())("migration 0012 on a database whose follower stopped at the first agreement, on %s", (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    await migrateBackBefore(handle.db, "0012-marketplace-agreements");
  });
  afterAll(async () => handle.close());

  it("makes those publications due again, and no other", async () => {
    const db = handle.db;
    await insertSeller(db, { id: "seller-a", name: "A", dataSharingEnrolled: true, createdAt: at });
    await insertFreeProduct(db, { sellerId: "seller-a", asin: "B000000001", id: "prod-a" });
    const published = { state: "published" as const, marketplaceOfferId: "offer-mkt1", nextCheckAt: null, at: "2027-01-05T00:00:00.000Z" };
    for (const id of ["offer-stopped00001", "offer-nobuyer00001", "offer-local0000001"]) {
      await sentOffer(db, id);
      await insertPublication(db, { offerId: id, sellerId: "seller-a", state: "published", buyerUrl: null, nextCheckAt: null, at });
    }
    const agreement = { id: "agmt-mkt1", buyerAccount: "012345678901", acceptedAt: at, startsAt: at, endsAt: null };
    await updatePublication(db, "offer-stopped00001", 1, { ...published, agreement });
    await updatePublication(db, "offer-nobuyer00001", 1, published);

    await migrateToLatest(db);
    expect((await findPublication(db, "offer-stopped00001"))?.nextCheckAt).toBe("2027-01-05T00:00:00.000Z");
    expect((await findPublication(db, "offer-nobuyer00001"))?.nextCheckAt).toBeNull();
    expect((await findPublication(db, "offer-local0000001"))?.nextCheckAt).toBeNull();
  });
});
