import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, sampleProduct, TEST_START, uploadSamplePdf } from "../testing";

const ALICE = "111111111111";
const BOB = "222222222222";

describe.each(testDialects())("buyers on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  async function sentOfferFor(accounts: string[], overrides: Record<string, unknown> = {}) {
    api.clock.set(TEST_START);
    const seller = await api.newSeller("Acme Software");
    const product = await seller.admin.products.create(sampleProduct({ title: "Acme Analytics" }));
    const eula = await uploadSamplePdf(seller.admin, 1, `EULA ${seller.sellerId}`);
    const draft = await seller.admin.offers.create({ ...completeOfferTerms(product.id, eula.sha256, accounts), ...overrides });
    const offer = await seller.admin.offers.send({ offerId: draft.id });
    return { seller, product, eula, offer };
  }

  it("shows a buyer the terms, never the description or the other buyers", async () => {
    const { seller, offer, product } = await sentOfferFor([ALICE, BOB]);
    const alice = await seller.buyer(ALICE);
    const seen = await alice.buyer.offers.get({ offerId: offer.id });
    expect(seen).toMatchObject({
      id: offer.id,
      status: "sent",
      seller: "Acme Software",
      product: { asin: product.asin, title: "Acme Analytics" },
      name: offer.name,
      pricing: offer.pricing,
      acceptanceDeadline: "2027-03-31",
      acceptance: null,
    });
    expect(JSON.stringify(seen)).not.toContain(offer.description ?? "?");
    expect(JSON.stringify(seen)).not.toContain(BOB);
    expect((await alice.buyer.offers.list()).items.map((o) => o.id)).toEqual([offer.id]);
  });

  it("accepts before the deadline and starts an agreement for the duration", async () => {
    const { seller, offer } = await sentOfferFor([ALICE]);
    const alice = await seller.buyer(ALICE);
    api.clock.set("2027-03-10T08:00:00.000Z");
    const agreement = await alice.buyer.offers.accept({ offerId: offer.id });
    expect(agreement).toMatchObject({
      offerId: offer.id,
      buyerAccount: ALICE,
      startsAt: "2027-03-10T08:00:00.000Z",
      endsAt: "2030-03-10T08:00:00.000Z",
      pricing: offer.pricing,
    });
    api.clock.set("2027-03-11T08:00:00.000Z");
    expect(await alice.buyer.offers.accept({ offerId: offer.id })).toEqual(agreement);
    expect((await alice.buyer.offers.get({ offerId: offer.id })).acceptance).toEqual(agreement);
    const sellerView = await seller.admin.offers.get({ offerId: offer.id });
    expect(sellerView.status).toBe("accepted");
    expect(sellerView.acceptedAt).toBe("2027-03-10T08:00:00.000Z");
    expect(sellerView.termsSha256).toBe(offer.termsSha256);
  });

  it("refuses acceptance after the deadline by the server's clock", async () => {
    const { seller, offer } = await sentOfferFor([ALICE]);
    const alice = await seller.buyer(ALICE);
    api.clock.set("2027-03-31T23:59:59.999Z");
    expect((await alice.buyer.offers.get({ offerId: offer.id })).status).toBe("sent");
    api.clock.set("2027-04-01T00:00:00.000Z");
    const refused = await failure(alice.buyer.offers.accept({ offerId: offer.id }));
    expect(refused.code).toBe("OFFER_EXPIRED");
    expect(refused.message).toContain("2027-03-31");
    expect((await alice.buyer.offers.get({ offerId: offer.id })).status).toBe("expired");
    expect((await seller.admin.offers.get({ offerId: offer.id })).status).toBe("expired");
  });

  it("keeps an accepted agreement after the deadline", async () => {
    const { seller, offer } = await sentOfferFor([ALICE]);
    const alice = await seller.buyer(ALICE);
    const agreement = await alice.buyer.offers.accept({ offerId: offer.id });
    api.clock.set("2027-06-01T00:00:00.000Z");
    expect(await alice.buyer.offers.accept({ offerId: offer.id })).toEqual(agreement);
    expect((await alice.buyer.offers.get({ offerId: offer.id })).status).toBe("accepted");
  });

  it("hides other accounts' offers, drafts and other sellers' offers as NOT_FOUND", async () => {
    const first = await sentOfferFor([ALICE]);
    const second = await sentOfferFor([BOB]);
    const draft = await first.seller.admin.offers.create({ productId: first.product.id, buyerAccounts: [ALICE] });
    const bob = await second.seller.buyer(BOB);
    const aliceOfSecondSeller = await second.seller.buyer(ALICE);
    const bobOfFirstSeller = await first.seller.buyer(BOB);
    for (const attempt of [
      () => bob.buyer.offers.get({ offerId: first.offer.id }),
      () => bob.buyer.offers.accept({ offerId: first.offer.id }),
      () => bobOfFirstSeller.buyer.offers.get({ offerId: first.offer.id }),
      () => aliceOfSecondSeller.buyer.offers.get({ offerId: first.offer.id }),
      () => (async () => (await first.seller.buyer(ALICE)).buyer.offers.get({ offerId: draft.id }))(),
    ]) {
      const refused = await failure(attempt());
      expect(refused.code).toBe("NOT_FOUND");
      expect(refused.trpcCode).toBe("NOT_FOUND");
    }
    expect((await bob.buyer.offers.list()).items.map((o) => o.id)).toEqual([second.offer.id]);
    expect((await bobOfFirstSeller.buyer.offers.list()).items).toEqual([]);
    expect((await aliceOfSecondSeller.buyer.offers.list()).items).toEqual([]);
  });

  it("keeps buyer tokens out of seller procedures and seller keys out of buyer ones", async () => {
    const { seller, offer } = await sentOfferFor([ALICE]);
    const alice = await seller.buyer(ALICE);
    expect((await failure(alice.offers.get({ offerId: offer.id }))).code).toBe("UNAUTHORIZED");
    expect((await failure(alice.admin.buyerTokens.issue({ account: BOB }))).code).toBe("UNAUTHORIZED");
    expect((await failure(seller.admin.buyer.offers.list())).code).toBe("UNAUTHORIZED");
  });

  it("answers the banner query for a product while an offer can be accepted", async () => {
    const { seller, offer, product } = await sentOfferFor([ALICE]);
    const alice = await seller.buyer(ALICE);
    const bob = await seller.buyer(BOB);
    expect(await alice.buyer.banner({ asin: product.asin })).toEqual({ hasPrivateOffer: true, offerIds: [offer.id], buyerUrl: offer.buyerUrl });
    expect(await bob.buyer.banner({ asin: product.asin })).toEqual({ hasPrivateOffer: false, offerIds: [], buyerUrl: null });
    expect(await alice.buyer.banner({ asin: "B000000000" })).toEqual({ hasPrivateOffer: false, offerIds: [], buyerUrl: null });
    expect((await failure(alice.buyer.banner({ asin: "not-an-asin" }))).paths).toEqual(["asin"]);
    await alice.buyer.offers.accept({ offerId: offer.id });
    expect((await alice.buyer.banner({ asin: product.asin })).hasPrivateOffer).toBe(false);
  });

  it("lets each targeted account accept on its own", async () => {
    const { seller, offer } = await sentOfferFor([ALICE, BOB]);
    const a = await (await seller.buyer(ALICE)).buyer.offers.accept({ offerId: offer.id });
    const b = await (await seller.buyer(BOB)).buyer.offers.accept({ offerId: offer.id });
    expect(a.id).not.toBe(b.id);
    expect([a.buyerAccount, b.buyerAccount]).toEqual([ALICE, BOB]);
  });
});
