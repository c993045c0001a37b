import { tamperWithSentOffer, testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "./test-helpers";
import { completeOfferTerms, createTestApi, sampleProduct, uploadSamplePdf } from "./testing";

const BUYER = "012345678901";

describe.each(testDialects())("a sent offer whose stored terms were changed behind the database's guard, on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  it("is served to nobody, and the refusal names the offer", async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(seller.admin);
    const offer = await seller.admin.offers.send({ offerId: (await seller.admin.offers.create(completeOfferTerms(product.id, eula.sha256, [BUYER]))).id });
    const buyer = await seller.buyer(BUYER);
    expect((await buyer.buyer.offers.get({ offerId: offer.id })).name).toBe(offer.name);

    await tamperWithSentOffer(api.deps.db, offer.id, "Forged name");

    const calls = [
      () => seller.admin.offers.get({ offerId: offer.id }),
      () => seller.admin.offers.list({}),
      () => buyer.buyer.offers.get({ offerId: offer.id }),
      () => buyer.buyer.offers.list({}),
      () => buyer.buyer.banner({ asin: product.asin }),
      () => buyer.buyer.offers.accept({ offerId: offer.id }),
      () => seller.admin.offers.copyAsDraft({ offerId: offer.id }),
    ];
    for (const call of calls) {
      const refused = await failure(call());
      expect(refused.code).toBe("INTERNAL");
      expect(refused.message).toContain(`Offer ${offer.id}'s stored terms do not match the hash fixed when it was sent`);
    }
  });
});
