import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  claimPublication,
  findOffer,
  findProduct,
  findPublication,
  insertOffer,
  insertProduct,
  insertPublication,
  insertSeller,
  listDuePublications,
  markOfferAccepted,
  markOfferSent,
  restartPublication,
  updatePublication,
  updateProductListing,
  type Database,
  type Kysely,
} from "./index";
import { openTestDatabase, testDialects, type TestDatabase } from "./testing";

const at = "2027-01-01T00:00:00.000Z";

describe.each(testDialects())("publications repository on %s", (dialect) => {
  let handle: TestDatabase;
  let db: Kysely<Database>;
  let counter = 0;

  beforeAll(async () => {
    handle = await openTestDatabase(dialect);
    db = handle.db;
    await insertSeller(db, { id: "seller-a", name: "A", dataSharingEnrolled: true, createdAt: at });
    await insertProduct(db, {
      id: "prod-aaaaaaaaaa",
      sellerId: "seller-a",
      asin: "B00635Y2IW",
      marketplaceProductId: "00000000-0000-4000-8000-000000000001",
      productCode: "abcdefgh1234",
      title: "Widget",
      description: "A widget",
      highlights: [],
      keywords: [],
      categories: [],
      pricing: { model: "monthly", dimensions: [] },
      supportConnection: false,
      createdAt: at,
      updatedAt: at,
    });
  });
  afterAll(async () => handle.close());

  /** A sent offer with a publication in `publishing`, due at `due`. */
  async function publishingOffer(due = at) {
    counter += 1;
    const id = `offer-${String(counter).padStart(12, "0")}`;
    await insertOffer(db, {
      id,
      sellerId: "seller-a",
      productId: "prod-aaaaaaaaaa",
      terms: { name: "Deal", buyerAccounts: ["012345678901"], pricing: { model: "monthly", monthlyFee: "99.5" } },
      replacesOfferId: null,
      createdAt: at,
    });
    const version = (await findOffer(db, "seller-a", id))?.version ?? 0;
    await markOfferSent(db, { sellerId: "seller-a", id, version, buyerUrl: `https://example.test/offers/${id}`, termsSha256: "f".repeat(64), sentAt: at });
    await insertPublication(db, { offerId: id, sellerId: "seller-a", state: "publishing", buyerUrl: null, nextCheckAt: due, at });
    return id;
  }

  it("keeps a product's catalog ID, and lets it be set later", async () => {
    expect((await findProduct(db, "seller-a", "prod-aaaaaaaaaa"))?.catalogProductId).toBeUndefined();
    await updateProductListing(db, "seller-a", "prod-aaaaaaaaaa", { catalogProductId: "prod-abcdef123456" }, at);
    expect((await findProduct(db, "seller-a", "prod-aaaaaaaaaa"))?.catalogProductId).toBe("prod-abcdef123456");
  });

  it("lists due publications and lets one follower claim each", async () => {
    const id = await publishingOffer("2027-01-01T00:00:05.000Z");
    const due = (await listDuePublications(db, "2027-01-01T00:00:05.000Z", 100)).find((p) => p.offerId === id);
    expect(due).toMatchObject({ state: "publishing", attempt: 1, changeSetId: null, error: null, agreement: null });
    expect((await listDuePublications(db, "2027-01-01T00:00:04.000Z", 100)).some((p) => p.offerId === id)).toBe(false);
    if (!due) throw new Error("not due");
    expect(await claimPublication(db, due, "2027-01-01T00:01:00.000Z")).toBe(true);
    expect(await claimPublication(db, due, "2027-01-01T00:01:00.000Z")).toBe(false);
  });

  it("records a failure with the marketplace's details, restarts only a failed attempt, and drops a stale answer", async () => {
    const id = await publishingOffer();
    const error = { message: "The change set failed", details: [{ code: "INVALID_INPUT", message: "EULA unreachable" }] };
    expect(await updatePublication(db, id, 1, { state: "failed", error, nextCheckAt: null, at })).toBe(true);
    expect((await findPublication(db, id))?.error).toEqual(error);

    expect(await restartPublication(db, "seller-a", id, 1, "2027-01-02T00:00:00.000Z")).toBe(true);
    expect(await restartPublication(db, "seller-a", id, 1, "2027-01-02T00:00:00.000Z")).toBe(false);
    expect(await findPublication(db, id)).toMatchObject({ state: "publishing", attempt: 2, error: null, nextCheckAt: "2027-01-02T00:00:00.000Z" });

    expect(await updatePublication(db, id, 1, { state: "published", nextCheckAt: null, at })).toBe(false);
    expect((await findPublication(db, id))?.state).toBe("publishing");
  });

  it("records the marketplace's offer, buyer URL and agreement while the offer row itself stays frozen", async () => {
    const id = await publishingOffer();
    await updatePublication(db, id, 1, {
      state: "published",
      changeSetId: "cs-1",
      marketplaceOfferId: "offer-mkt123",
      buyerUrl: "https://aws.amazon.com/marketplace/procurement?productId=p&offerId=offer-mkt123",
      nextCheckAt: at,
      at,
    });
    const agreement = { id: "agmt-mkt1", buyerAccount: "012345678901", acceptedAt: "2027-01-03T00:00:00.000Z", startsAt: "2027-01-03T00:00:00.000Z", endsAt: "2028-01-03T00:00:00.000Z" };
    await updatePublication(db, id, 1, { agreement, nextCheckAt: null, at });
    await markOfferAccepted(db, id, agreement.acceptedAt);
    expect(await findPublication(db, id)).toMatchObject({ state: "published", marketplaceOfferId: "offer-mkt123", agreement, nextCheckAt: null });
    expect(await findOffer(db, "seller-a", id)).toMatchObject({ status: "accepted", buyerUrl: `https://example.test/offers/${id}` });
  });
});
