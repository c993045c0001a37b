import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrackerFixture } from "../clicks/tracker-fixture";
import { failure } from "../test-helpers";
import { completeOfferTerms, sampleProduct, uploadSamplePdf } from "../testing";

const VISITOR = "visitor-aaaaaaaaaaaaaaaa";

describe.each(testDialects())("campaigns on %s", (dialect) => {
  let fixture: Awaited<ReturnType<typeof createTrackerFixture>>;
  let api: typeof fixture.api;
  let click: typeof fixture.click;
  let cookieOf: typeof fixture.cookieOf;
  beforeAll(async () => {
    fixture = await createTrackerFixture(dialect);
    ({ api, click, cookieOf } = fixture);
  });
  afterAll(async () => fixture.close());

  /** An offer on the product sent to `account`, and accepted there in a browser whose cookie is `cookie`. */
  async function acceptInBrowser(seller: Awaited<ReturnType<typeof api.newSeller>>, productId: string, account: string, cookie: string | null, attributionId?: string) {
    const eula = await uploadSamplePdf(seller.admin, 1, `${seller.sellerId} ${account}`);
    const offer = await seller.admin.offers.send({ offerId: (await seller.admin.offers.create(completeOfferTerms(productId, eula.sha256, [account]))).id });
    const token = await seller.admin.admin.buyerTokens.issue({ account });
    return (await api.callerFor(token.secret, cookie)).buyer.offers.accept({ offerId: offer.id, ...(attributionId ? { attributionId } : {}) });
  }

  it("builds links to the seller's own products only", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    expect(await seller.admin.marketing.buildLink({ asin: product.asin, refTag: "ads_google_q3" })).toEqual({
      marketplaceUrl: `https://marketplace.example.test/marketplace/pp/${product.asin}/ref=ads_google_q3`,
      trackingUrl: `https://offers.example.test/pp/${product.asin}/ref=ads_google_q3`,
    });
    expect((await seller.admin.marketing.buildLink({ asin: product.asin })).marketplaceUrl).toMatch(/ref=vdr_rf$/);
    expect((await failure(seller.admin.marketing.buildLink({ asin: product.asin, refTag: "a-b" }))).paths).toEqual(["refTag"]);
    const other = await api.newSeller();
    expect((await failure(other.admin.marketing.buildLink({ asin: product.asin }))).code).toBe("NOT_FOUND");
  });

  it("credits an offer to the click a browser made under its hash before it got an ID of its own", async () => {
    const seller = await api.newSeller();
    const [a, b] = [await seller.admin.products.create(sampleProduct()), await seller.admin.products.create(sampleProduct())];
    const hash = cookieOf(await click(a.asin, "ads_first", null, "2027-03-10T09:00:00.000Z", "192.0.2.44"));
    const own = cookieOf(await click(b.asin, "ads_other", hash, "2027-03-12T09:00:00.000Z", "192.0.2.44"));
    expect(own).toMatch(/^v_/);
    api.clock.set("2027-03-14T12:00:00.000Z");
    await acceptInBrowser(seller, a.id, "444444444444", own);
    const stats = await seller.admin.marketing.stats({ from: "2027-03-14", to: "2027-03-14" });
    expect(stats).toEqual([{ day: "2027-03-14", refTag: "ads_first", asin: a.asin, clicks: 0, conversions: 1 }]);
  });

  it("credits an accepted offer to the visitor's latest click within 30 days", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(seller.admin, 1, seller.sellerId);
    await click(product.asin, "ads_old", VISITOR, "2027-02-01T09:00:00.000Z");
    await click(product.asin, "acme_ptnr_q1", VISITOR, "2027-02-20T09:00:00.000Z");
    api.clock.set("2027-03-01T12:00:00.000Z");
    const offer = await seller.admin.offers.send({ offerId: (await seller.admin.offers.create(completeOfferTerms(product.id, eula.sha256))).id });
    const buyer = await seller.buyer("012345678901");
    api.clock.set("2027-03-02T12:00:00.000Z");
    const agreement = await buyer.buyer.offers.accept({ offerId: offer.id, attributionId: VISITOR });
    const stats = await seller.admin.marketing.stats({ from: "2027-03-02", to: "2027-03-02" });
    expect(stats).toEqual([{ day: "2027-03-02", refTag: "acme_ptnr_q1", asin: product.asin, clicks: 0, conversions: 1 }]);

    // The seller's fulfilment flow reports the same sale by its agreement ID: estimates, not a second conversion.
    const sale = { asin: product.asin, attributionId: VISITOR, externalId: agreement.id, estimatedUsage: 40, estimatedRevenue: "990.25" };
    const elsewhere = await seller.admin.products.create(sampleProduct());
    expect((await failure(seller.admin.marketing.recordConversion({ ...sale, asin: elsewhere.asin, estimatedRevenue: "5" }))).code).toBe("IDEMPOTENCY_KEY_REUSED");
    const estimated = await seller.admin.marketing.recordConversion(sale);
    expect(estimated).toMatchObject({ attributed: true, conversion: { source: "offer", refTag: "acme_ptnr_q1", estimatedUsage: 40, estimatedRevenue: "990.25" } });
    expect(await seller.admin.marketing.recordConversion({ ...sale, estimatedRevenue: "1" })).toEqual(estimated);
    // The subscription the acceptance made names the same sale.
    const [subscription] = await buyer.buyer.subscriptions.list();
    expect(subscription?.offerId).toBe(offer.id);
    expect(await seller.admin.marketing.recordConversion({ ...sale, externalId: subscription?.id ?? "" })).toEqual(estimated);
    expect(await seller.admin.marketing.stats({ from: "2027-03-02", to: "2027-03-02" })).toEqual(stats);
    const other = await api.newSeller();
    const theirs = await other.admin.products.create(sampleProduct());
    expect(await other.admin.marketing.recordConversion({ ...sale, asin: theirs.asin })).toEqual({ attributed: false, conversion: null });
  });

  it("credits an acceptance through the tracking cookie, and none without a click", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    await click(product.asin, "ads_cookie", "cookie-visitor-0000001", "2027-03-01T08:00:00.000Z");
    api.clock.set("2027-03-01T12:00:00.000Z");
    await acceptInBrowser(seller, product.id, "111111111111", "cookie-visitor-0000001");
    await acceptInBrowser(seller, product.id, "222222222222", null, "never-clicked-000000");
    const stats = await seller.admin.marketing.stats({ from: "2027-03-01", to: "2027-03-01" });
    expect(stats).toEqual([{ day: "2027-03-01", refTag: "ads_cookie", asin: product.asin, clicks: 1, conversions: 1 }]);
  });

  it("falls back to the cookie's click when the attribution ID passed on acceptance names none", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    await click(product.asin, "ads_fallback", "cookie-visitor-0000002", "2027-03-02T08:00:00.000Z");
    api.clock.set("2027-03-02T12:00:00.000Z");
    await acceptInBrowser(seller, product.id, "333333333333", "cookie-visitor-0000002", "made-on-the-page-0001");
    const stats = await seller.admin.marketing.stats({ from: "2027-03-02", to: "2027-03-02" });
    expect(stats).toEqual([{ day: "2027-03-02", refTag: "ads_fallback", asin: product.asin, clicks: 1, conversions: 1 }]);
  });

  it("records the seller's own conversions once, with usage and revenue", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    await click(product.asin, "ads_api", VISITOR, "2027-05-01T09:00:00.000Z");
    api.clock.set("2027-05-03T10:00:00.000Z");
    const input = { asin: product.asin, attributionId: VISITOR, externalId: "order-42", estimatedUsage: 120, estimatedRevenue: "1250.5" };
    const first = await seller.admin.marketing.recordConversion(input);
    expect(first).toMatchObject({ attributed: true, conversion: { refTag: "ads_api", clickDay: "2027-05-01", estimatedUsage: 120, estimatedRevenue: "1250.50", source: "api" } });
    expect(await seller.admin.marketing.recordConversion({ ...input, estimatedUsage: 999 })).toEqual(first);
    expect(await seller.admin.marketing.recordConversion({ ...input, externalId: "order-43", attributionId: "stranger-0000000000" })).toEqual({
      attributed: false,
      conversion: null,
    });
    api.clock.set("2027-06-05T10:00:00.000Z");
    expect((await seller.admin.marketing.recordConversion({ ...input, externalId: "order-44" })).attributed).toBe(false);
    const reader = await seller.keyWith("marketing:read");
    expect((await failure(reader.marketing.recordConversion({ ...input, externalId: "order-45" }))).code).toBe("FORBIDDEN");
    expect((await failure(seller.admin.marketing.recordConversion({ ...input, estimatedRevenue: 12.5 as never }))).paths).toEqual(["estimatedRevenue"]);
    expect((await failure(seller.admin.marketing.recordConversion({ ...input, externalId: "order-46", estimatedRevenue: "1000000000" }))).paths).toEqual(["estimatedRevenue"]);
    api.clock.set("2027-05-03T11:00:00.000Z");
    const largest = await seller.admin.marketing.recordConversion({ ...input, externalId: "order-47", estimatedRevenue: "999999999.999999" });
    expect(largest.conversion?.estimatedRevenue).toBe("999999999.999999");
  });

  it("refuses an order's external ID again for another product, rather than answer with the first product's conversion", async () => {
    const seller = await api.newSeller();
    const [a, b] = [await seller.admin.products.create(sampleProduct()), await seller.admin.products.create(sampleProduct())];
    await click(a.asin, "ads_order", VISITOR, "2027-05-10T09:00:00.000Z");
    await click(b.asin, "ads_order", VISITOR, "2027-05-10T09:01:00.000Z");
    api.clock.set("2027-05-10T10:00:00.000Z");
    const order = { attributionId: VISITOR, externalId: "order-7" };
    expect((await seller.admin.marketing.recordConversion({ ...order, asin: a.asin })).attributed).toBe(true);
    const reused = await failure(seller.admin.marketing.recordConversion({ ...order, asin: b.asin }));
    expect(reused).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", paths: ["externalId"] });
    expect((await seller.admin.marketing.recordConversion({ ...order, externalId: `order-7:${b.asin}`, asin: b.asin })).conversion?.asin).toBe(b.asin);
  });
});
