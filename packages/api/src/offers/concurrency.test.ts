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

  it("an update from a stale version is refused with CONFLICT and writes nothing", async () => {
    const draft = await seller.admin.offers.create(terms);
    expect(draft.version).toBe(1);
    const edited = await seller.admin.offers.update({ offerId: draft.id, expectedVersion: 1, patch: { name: "First edit" } });
    expect(edited).toMatchObject({ version: 2, name: "First edit" });
    const stale = await failure(seller.admin.offers.update({ offerId: draft.id, expectedVersion: 1, patch: { name: "Made from version 1" } }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.trpcCode).toBe("CONFLICT");
    expect(stale.issues).toEqual([{ path: ["expectedVersion"], message: "The offer is at version 2" }]);
    expect(await seller.admin.offers.get({ offerId: draft.id })).toEqual(edited);
    const ahead = await failure(seller.admin.offers.update({ offerId: draft.id, expectedVersion: 3, patch: { name: "From the future" } }));
    expect(ahead.code).toBe("CONFLICT");
    expect(await seller.admin.offers.get({ offerId: draft.id })).toEqual(edited);
  });

  it("update against update from the same version: exactly one wins, and answers with what it wrote", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const draft = await seller.admin.offers.create(terms);
      const results = await Promise.all(
        ["A", "B", "C"].map((writer) =>
          settle(seller.admin.offers.update({ offerId: draft.id, expectedVersion: draft.version, patch: { name: `Writer ${writer}` } })),
        ),
      );
      const winners = results.flatMap((result) => (result.ok ? [result.value] : []));
      expect(winners).toHaveLength(1);
      for (const result of results) if (!result.ok) expect(result.refusal.code).toBe("CONFLICT");
      const final = await seller.admin.offers.get({ offerId: draft.id });
      expect(final).toEqual(winners[0]);
      expect(final.version).toBe(draft.version + 1);
    }
  });

  it("updates without a version each land, none overwriting another's field, each answering with its own version", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const draft = await seller.admin.offers.create(terms);
      const [named, described, priced] = await Promise.all([
        seller.admin.offers.update({ offerId: draft.id, patch: { name: `Name ${round}` } }),
        seller.admin.offers.update({ offerId: draft.id, patch: { description: `Description ${round}` } }),
        seller.admin.offers.update({ offerId: draft.id, patch: { pricing: { model: "saas_contract", contract: { seats: `${round + 1}` } } } }),
      ]);
      expect(new Set([named.version, described.version, priced.version])).toEqual(new Set([2, 3, 4]));
      expect(named.name).toBe(`Name ${round}`);
      expect(described.description).toBe(`Description ${round}`);
      expect(priced.pricing).toEqual({ model: "saas_contract", contract: { seats: `${round + 1}` } });
      const final = await seller.admin.offers.get({ offerId: draft.id });
      expect(final).toMatchObject({ version: 4, name: `Name ${round}`, description: `Description ${round}`, pricing: priced.pricing });
    }
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
