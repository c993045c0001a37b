import type { MarketplaceAgreement } from "@offerkit/core";
import { findOffer, findPublication, listAgreementsForOffer } from "@offerkit/db";
import { testDialects } from "@offerkit/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { completeOfferTerms, createTestApi, sampleProduct, TEST_START, uploadSamplePdf } from "../testing";
import { createPublicationFollower } from "./publication-follower";
import { recordMarketplaceAgreements } from "./record-marketplace-agreements";
import { ManualScheduler, ScriptedMarketplace } from "./scripted-marketplace";

const ALICE = "012345678901";
const BOB = "210987654321";
const MARKETPLACE_OFFER = "offer-mkt0000000001";
const HOUR = 60 * 60_000;
const timings = { changeSetPollMs: 60_000, agreementPollMs: 5 * 60_000, agreementStatusPollMs: 6 * HOUR, retryBaseMs: 10_000, retryMaxMs: 40_000, maxFailuresInARow: 4, agreementGraceMs: 24 * HOUR };

const contact = {
  givenName: "Ada",
  surname: "Lovelace",
  title: "Head of IT",
  organization: "Analytical Engines, Ltd.",
  email: "ada@engines.example",
  phone: "+44 20 7946 0101",
  countryCode: "GB",
};

function agreement(id: string, buyerAccount: string, acceptedAt: string, overrides: Partial<MarketplaceAgreement> = {}): MarketplaceAgreement {
  return {
    id,
    buyerAccount,
    status: "active",
    acceptedAt: new Date(acceptedAt),
    startsAt: new Date(acceptedAt),
    endsAt: new Date("2030-03-02T08:00:00.000Z"),
    ...overrides,
  };
}

describe.each(testDialects())("agreements made on the marketplace, recorded on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let marketplace: ScriptedMarketplace;
  const errors: unknown[] = [];
  beforeEach(async () => {
    marketplace = new ScriptedMarketplace();
    errors.length = 0;
    api = await createTestApi(dialect, { publisher: marketplace });
  });
  afterEach(async () => api.close());

  const follower = () => createPublicationFollower(api.deps, marketplace, { timings, scheduler: new ManualScheduler(), onError: (error) => errors.push(error) });
  const at = (iso: string) => api.clock.set(iso);

  /** An offer to ALICE and BOB, published on the marketplace at 12:01 and due for its first look at agreements. */
  async function publishedOffer() {
    at(TEST_START);
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct({ catalogProductId: "prod-abcdef123456" }));
    await seller.admin.products.setSupportConnection({ productId: product.id, enrolled: true });
    const eula = await uploadSamplePdf(seller.admin);
    const draft = await seller.admin.offers.create(completeOfferTerms(product.id, eula.sha256, [ALICE, BOB]));
    const offer = await seller.admin.offers.send({ offerId: draft.id });
    marketplace.followAnswers.push(() => ({ status: "succeeded", marketplaceOfferId: MARKETPLACE_OFFER, buyerUrl: "https://aws.example/p" }));
    const job = follower();
    await job.runOnce();
    at("2027-03-01T12:01:00.000Z");
    await job.runOnce();
    return { ...seller, product, offer };
  }

  const agreementEndedEvents = async () =>
    (await api.deps.db.selectFrom("webhook_events").select(["data", "created_at"]).where("type", "=", "agreement.ended").execute())
      .map((row) => {
        const data = JSON.parse(row.data) as { buyerAccount: string; reason: string; endedAt: string };
        return { buyerAccount: data.buyerAccount, reason: data.reason, endedAt: data.endedAt, createdAt: row.created_at };
      })
      .sort((a, b) => a.buyerAccount.localeCompare(b.buyerAccount));

  const subscriptionsOf = async (sellerId: string, offerId: string) =>
    (await api.deps.db.selectFrom("subscriptions").selectAll().where("seller_id", "=", sellerId).where("offer_id", "=", offerId).orderBy("buyer_account").execute()).map(
      (row) => ({ account: row.buyer_account, visibility: row.visibility, status: row.status, startsAt: row.starts_at, endsAt: row.ends_at, cancelledAt: row.cancelled_at }),
    );

  it("records every agreement with its subscription exactly once, however often the follower looks and whoever looks together", async () => {
    const { sellerId, offer } = await publishedOffer();
    marketplace.agreements.set(MARKETPLACE_OFFER, [
      // Listed in no particular order; Bob's is pay-as-you-go, without an end.
      agreement("agmt-mkt-bob", BOB, "2027-03-03T10:00:00.000Z", { endsAt: null }),
      agreement("agmt-mkt-alice", ALICE, "2027-03-02T08:00:00.000Z"),
    ]);
    // Two looks at once (a lease run out mid-look) record nothing twice.
    at("2027-03-03T11:00:00.000Z");
    const stored = await findOffer(api.deps.db, sellerId, offer.id);
    if (!stored) throw new Error("offer not stored");
    const agreements = marketplace.agreements.get(MARKETPLACE_OFFER) ?? [];
    await Promise.all([recordMarketplaceAgreements(api.deps, stored, agreements, api.clock.now()), recordMarketplaceAgreements(api.deps, stored, agreements, api.clock.now())]);
    expect(await follower().runOnce()).toBe(1);
    at("2027-03-03T11:05:00.000Z");
    expect(await follower().runOnce()).toBe(1);
    // Two followers: the lease gives the look to one of them.
    at("2027-03-03T11:10:00.000Z");
    const [first, second] = await Promise.all([follower().runOnce(), follower().runOnce()]);
    expect(first + second).toBe(1);

    const recorded = await listAgreementsForOffer(api.deps.db, offer.id);
    expect(recorded.map(({ marketplaceAgreementId, buyerAccount, startsAt, endsAt, pricing, createdAt }) => ({ marketplaceAgreementId, buyerAccount, startsAt, endsAt, pricing, createdAt }))).toEqual([
      {
        marketplaceAgreementId: "agmt-mkt-alice",
        buyerAccount: ALICE,
        startsAt: "2027-03-02T08:00:00.000Z",
        endsAt: "2030-03-02T08:00:00.000Z",
        pricing: offer.pricing,
        createdAt: "2027-03-02T08:00:00.000Z",
      },
      // No end from the marketplace: the offer's own 36 months from the start.
      {
        marketplaceAgreementId: "agmt-mkt-bob",
        buyerAccount: BOB,
        startsAt: "2027-03-03T10:00:00.000Z",
        endsAt: "2030-03-03T10:00:00.000Z",
        pricing: offer.pricing,
        createdAt: "2027-03-03T10:00:00.000Z",
      },
    ]);
    expect(await subscriptionsOf(sellerId, offer.id)).toEqual([
      { account: ALICE, visibility: "private", status: "active", startsAt: "2027-03-02T08:00:00.000Z", endsAt: "2030-03-02T08:00:00.000Z", cancelledAt: null },
      { account: BOB, visibility: "private", status: "active", startsAt: "2027-03-03T10:00:00.000Z", endsAt: "2030-03-03T10:00:00.000Z", cancelledAt: null },
    ]);
    expect(await findOffer(api.deps.db, sellerId, offer.id)).toMatchObject({ status: "accepted", acceptedAt: "2027-03-02T08:00:00.000Z" });
    expect((await findPublication(api.deps.db, offer.id))?.agreement).toEqual({
      id: "agmt-mkt-alice",
      buyerAccount: ALICE,
      acceptedAt: "2027-03-02T08:00:00.000Z",
      startsAt: "2027-03-02T08:00:00.000Z",
      endsAt: "2030-03-02T08:00:00.000Z",
    });
    // No click is credited: a marketplace agreement carries no attribution ID and no visitor cookie.
    expect(await api.deps.db.selectFrom("conversions").select("id").execute()).toEqual([]);
  });

  it("shows the buyer's subscription, with its offer, to support; the buyer shares a support contact on it", async () => {
    const { offer, product, keyWith, buyer } = await publishedOffer();
    marketplace.agreements.set(MARKETPLACE_OFFER, [agreement("agmt-mkt-alice", ALICE, "2027-03-02T08:00:00.000Z")]);
    at("2027-03-02T09:00:00.000Z");
    await follower().runOnce();

    const support = await keyWith("support:read");
    const seen = await support.support.lookup({ account: ALICE });
    expect(seen.subscriptions).toEqual([
      expect.objectContaining({ productId: product.id, offerId: offer.id, visibility: "private", status: "active", pricingModel: "saas_contract", endsAt: "2030-03-02T08:00:00.000Z" }),
    ]);
    const alice = await buyer(ALICE);
    const subscriptionId = seen.subscriptions[0]?.id ?? "";
    const shared = await alice.buyer.contacts.share({ subscriptionId, consent: true, contact });
    expect(shared).toMatchObject({ subscriptionId, surname: "Lovelace" });
    expect((await support.support.lookup({ account: BOB })).subscriptions).toEqual([]);
  });

  it("cancels the subscription when the marketplace later reports the agreement cancelled, once", async () => {
    const { keyWith } = await publishedOffer();
    marketplace.agreements.set(MARKETPLACE_OFFER, [agreement("agmt-mkt-alice", ALICE, "2027-03-02T08:00:00.000Z")]);
    at("2027-03-02T09:00:00.000Z");
    const job = follower();
    await job.runOnce();
    marketplace.agreements.set(MARKETPLACE_OFFER, [agreement("agmt-mkt-alice", ALICE, "2027-03-02T08:00:00.000Z", { status: "cancelled" })]);
    at("2027-03-02T09:05:00.000Z");
    await job.runOnce();
    at("2027-03-02T09:10:00.000Z");
    await job.runOnce();
    const seen = await (await keyWith("support:read")).support.lookup({ account: ALICE });
    expect(seen.subscriptions).toEqual([expect.objectContaining({ status: "cancelled", endsAt: "2027-03-02T09:05:00.000Z" })]);
    const [row] = await api.deps.db.selectFrom("subscriptions").select("cancelled_at").where("buyer_account", "=", ALICE).execute();
    expect(row?.cancelled_at).toBe("2027-03-02T09:05:00.000Z");
    // Written with the cancellation, by the follower, not later by the minute's sweep.
    expect(await agreementEndedEvents()).toEqual([{ buyerAccount: ALICE, reason: "cancelled", endedAt: "2027-03-02T09:05:00.000Z", createdAt: "2027-03-02T09:05:00.000Z" }]);
  });

  it("records one already stopped when first seen as it stands", async () => {
    const { sellerId, offer } = await publishedOffer();
    marketplace.agreements.set(MARKETPLACE_OFFER, [
      agreement("agmt-mkt-alice", ALICE, "2027-03-02T08:00:00.000Z", { status: "cancelled" }),
      agreement("agmt-mkt-bob", BOB, "2027-03-02T10:00:00.000Z", { status: "ended", endsAt: new Date("2027-03-02T11:00:00.000Z") }),
    ]);
    at("2027-03-03T00:00:00.000Z");
    await follower().runOnce();
    expect(await subscriptionsOf(sellerId, offer.id)).toEqual([
      { account: ALICE, visibility: "private", status: "cancelled", startsAt: "2027-03-02T08:00:00.000Z", endsAt: "2027-03-03T00:00:00.000Z", cancelledAt: "2027-03-03T00:00:00.000Z" },
      { account: BOB, visibility: "private", status: "active", startsAt: "2027-03-02T10:00:00.000Z", endsAt: "2027-03-02T11:00:00.000Z", cancelledAt: null },
    ]);
    expect(await findOffer(api.deps.db, sellerId, offer.id)).toMatchObject({ status: "accepted", acceptedAt: "2027-03-02T08:00:00.000Z" });
    expect(await agreementEndedEvents()).toEqual([
      { buyerAccount: ALICE, reason: "cancelled", endedAt: "2027-03-03T00:00:00.000Z", createdAt: "2027-03-03T00:00:00.000Z" },
      { buyerAccount: BOB, reason: "term_ended", endedAt: "2027-03-02T11:00:00.000Z", createdAt: "2027-03-03T00:00:00.000Z" },
    ]);
    await follower().runOnce();
    expect(await agreementEndedEvents()).toHaveLength(2);
  });

  it("after the deadline, looks only slowly while an agreement runs, and stops once none does; a new follower carries on", async () => {
    const { offer } = await publishedOffer();
    marketplace.agreements.set(MARKETPLACE_OFFER, [agreement("agmt-mkt-alice", ALICE, "2027-03-30T08:00:00.000Z")]);
    at("2027-03-30T09:00:00.000Z");
    await follower().runOnce();
    expect((await findPublication(api.deps.db, offer.id))?.nextCheckAt).toBe("2027-03-30T09:05:00.000Z");

    // Deadline 2027-03-31, then a day's grace: past it, only the running agreement is watched.
    at("2027-04-02T00:00:01.000Z");
    await follower().runOnce();
    expect((await findPublication(api.deps.db, offer.id))?.nextCheckAt).toBe("2027-04-02T06:00:01.000Z");
    at("2027-04-02T06:00:00.000Z");
    expect(await follower().runOnce()).toBe(0);

    // A restart: a new follower on the same database finds the look due and takes it.
    at("2027-04-02T06:00:01.000Z");
    const searches = marketplace.searched.length;
    expect(await follower().runOnce()).toBe(1);
    expect(marketplace.searched.length).toBe(searches + 1);
    expect((await findPublication(api.deps.db, offer.id))?.nextCheckAt).toBe("2027-04-02T12:00:01.000Z");

    marketplace.agreements.set(MARKETPLACE_OFFER, [agreement("agmt-mkt-alice", ALICE, "2027-03-30T08:00:00.000Z", { status: "ended" })]);
    at("2027-04-02T12:00:01.000Z");
    await follower().runOnce();
    expect(await findPublication(api.deps.db, offer.id)).toMatchObject({ nextCheckAt: null, state: "published" });
    const [row] = await api.deps.db.selectFrom("subscriptions").select(["status", "ends_at"]).where("buyer_account", "=", ALICE).execute();
    expect(row).toEqual({ status: "active", ends_at: "2027-04-02T12:00:01.000Z" });
    at("2027-05-01T00:00:00.000Z");
    expect(await follower().runOnce()).toBe(0);
  });

  it("stops after the deadline at once when nobody accepted", async () => {
    const { offer } = await publishedOffer();
    at("2027-04-02T00:00:01.000Z");
    await follower().runOnce();
    expect((await findPublication(api.deps.db, offer.id))?.nextCheckAt).toBeNull();
  });

  it("keeps a published offer published when listing its agreements fails, trying again later and reporting each error", async () => {
    const { offer } = await publishedOffer();
    const refused = () => {
      throw new Error("AccessDeniedException: not authorized to SearchAgreements");
    };
    marketplace.listFailures.push(refused, refused, refused, refused, refused);
    const job = follower();
    const waits: (string | null | undefined)[] = [];
    for (let round = 0; round < 5; round += 1) {
      await job.runOnce();
      const publication = await findPublication(api.deps.db, offer.id);
      waits.push(publication?.nextCheckAt);
      at(publication?.nextCheckAt ?? TEST_START);
    }
    expect(waits).toEqual([
      "2027-03-01T12:01:10.000Z",
      "2027-03-01T12:01:30.000Z",
      "2027-03-01T12:02:10.000Z",
      "2027-03-01T12:02:50.000Z",
      "2027-03-01T12:03:30.000Z",
    ]);
    expect(errors).toHaveLength(5);
    expect(await findPublication(api.deps.db, offer.id)).toMatchObject({ state: "published", error: null });
    await job.runOnce();
    expect(await findPublication(api.deps.db, offer.id)).toMatchObject({ state: "published", failuresInARow: 0, nextCheckAt: "2027-03-01T12:08:30.000Z" });
  });
});
