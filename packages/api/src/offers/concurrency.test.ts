import type { OfferView } from "@offerkit/core";
import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, recomputedTermsHash, sampleProduct, uploadSamplePdf } from "../testing";

const ROUNDS = 12;

/** Proves a sent offer holds exactly the terms that were checked and hashed when it was sent. */
function expectTermsMatchHash(offer: OfferView) {
  expect(recomputedTermsHash(offer)).toBe(offer.termsSha256);
}

async function settle<T>(promise: Promise<T>) {
  try {
    return { ok: true as const, value: await promise };
  } catch (error) {
    return { ok: false as const, refusal: await failure(Promise.reject(error)) };
  }
}

describe.each(testDialects())("concurrent writes to one offer on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  let seller: Awaited<ReturnType<typeof api.newSeller>>;
  let terms: ReturnType<typeof completeOfferTerms>;

  beforeAll(async () => {
    api = await createTestApi(dialect);
    seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(seller.admin);
    terms = completeOfferTerms(product.id, eula.sha256);
  });
  afterAll(async () => api.close());

  it("update against send: the sent offer holds the very terms it was checked with", async () => {
    let sentCount = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const draft = await seller.admin.offers.create(terms);
      // Start the update 0 to 40 ms after the send, so both orders of the race happen on every database.
      const send = seller.admin.offers.send({ offerId: draft.id });
      await new Promise((resolve) => setTimeout(resolve, [0, 1, 3, 10, 20, 40][round % 6]));
      const update = seller.admin.offers.update({
        offerId: draft.id,
        patch: { name: `Changed ${round}`, pricing: { model: "saas_contract", contract: { seats: `${round + 1}` } } },
      });
      const [updated, sent] = await Promise.all([settle(update), settle(send)]);
      const final = await seller.admin.offers.get({ offerId: draft.id });
      if (sent.ok) {
        sentCount += 1;
        expect(final).toEqual(sent.value);
        expectTermsMatchHash(final);
        if (!updated.ok) expect(updated.refusal.code).toBe("OFFER_IMMUTABLE");
        if (updated.ok) expect(final.name).toBe(`Changed ${round}`);
      } else {
        expect(sent.refusal.code).toBe("CONFLICT");
        expect(updated.ok).toBe(true);
        expect(final.status).toBe("draft");
      }
    }
    expect(sentCount).toBeGreaterThan(0);
  });

  it("send against send: exactly one wins, the other is refused", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const draft = await seller.admin.offers.create(terms);
      const results = await Promise.all([1, 2, 3].map(() => settle(seller.admin.offers.send({ offerId: draft.id }))));
      const winners = results.filter((result) => result.ok);
      expect(winners).toHaveLength(1);
      for (const result of results) if (!result.ok) expect(result.refusal.code).toBe("OFFER_IMMUTABLE");
      expectTermsMatchHash(await seller.admin.offers.get({ offerId: draft.id }));
    }
  });

  it("delete against send: never both, and a sent offer is never lost", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const draft = await seller.admin.offers.create(terms);
      const [deleted, sent] = await Promise.all([
        settle(seller.admin.offers.delete({ offerId: draft.id })),
        settle(seller.admin.offers.send({ offerId: draft.id })),
      ]);
      expect(deleted.ok && sent.ok).toBe(false);
      if (sent.ok) {
        expect(deleted.ok ? null : deleted.refusal.code).toBe("OFFER_IMMUTABLE");
        expectTermsMatchHash(await seller.admin.offers.get({ offerId: draft.id }));
      } else {
        expect(deleted.ok).toBe(true);
        expect(["NOT_FOUND", "CONFLICT"]).toContain(sent.refusal.code);
        expect((await failure(seller.admin.offers.get({ offerId: draft.id }))).code).toBe("NOT_FOUND");
      }
    }
  });

  it("concurrent acceptances by one account make one agreement", async () => {
    const offer = await seller.admin.offers.send({ offerId: (await seller.admin.offers.create(terms)).id });
    const buyer = await seller.buyer("012345678901");
    const agreements = await Promise.all([1, 2, 3, 4].map(() => buyer.buyer.offers.accept({ offerId: offer.id })));
    expect(new Set(agreements.map((agreement) => agreement.id)).size).toBe(1);
  });
});
