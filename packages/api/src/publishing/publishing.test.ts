import { testDialects } from "@offerkit/db/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { completeOfferTerms, createTestApi, sampleProduct, TEST_START, uploadSamplePdf } from "../testing";
import { createPublicationFollower } from "./publication-follower";
import { PublisherError } from "@offerkit/core";
import { ManualScheduler, ScriptedMarketplace } from "./scripted-marketplace";

const timings = { changeSetPollMs: 60_000, agreementPollMs: 300_000, retryBaseMs: 10_000, retryMaxMs: 40_000, maxFailuresInARow: 4 };

describe.each(testDialects())("publishing sent offers on %s", (dialect) => {
  describe("with the local publisher", () => {
    let api: Awaited<ReturnType<typeof createTestApi>>;
    beforeAll(async () => {
      api = await createTestApi(dialect);
    });
    afterAll(async () => api.close());

    it("publishes an offer as it is sent, at this server's buyer URL, and has nothing to publish again", async () => {
      api.clock.set(TEST_START);
      const { admin } = await api.newSeller();
      const product = await admin.products.create(sampleProduct());
      const eula = await uploadSamplePdf(admin);
      const draft = await admin.offers.create(completeOfferTerms(product.id, eula.sha256));
      expect(draft.publication).toEqual({ state: "not_published", attempt: 0, marketplaceOfferId: null, buyerUrl: null, error: null, agreement: null, updatedAt: null });
      const sent = await admin.offers.send({ offerId: draft.id });
      expect(sent.publication).toMatchObject({ state: "published", attempt: 1, buyerUrl: sent.buyerUrl, marketplaceOfferId: null, error: null });
      const refused = await failure(admin.offers.republish({ offerId: draft.id }));
      expect(refused).toMatchObject({ code: "PUBLICATION_NOT_RETRYABLE", trpcCode: "CONFLICT" });
    });
  });

  describe("with a marketplace publisher", () => {
    // A database of its own per test: the follower takes every due publication it finds.
    let api: Awaited<ReturnType<typeof createTestApi>>;
    let marketplace: ScriptedMarketplace;
    beforeEach(async () => {
      marketplace = new ScriptedMarketplace();
      api = await createTestApi(dialect, { publisher: marketplace });
    });
    afterEach(async () => api.close());

    function follower() {
      return createPublicationFollower(api.deps, marketplace, { timings, scheduler: new ManualScheduler() });
    }

    async function sentOffer(product = sampleProduct({ catalogProductId: "prod-abcdef123456" })) {
      api.clock.set(TEST_START);
      const seller = await api.newSeller();
      const created = await seller.admin.products.create(product);
      const eula = await uploadSamplePdf(seller.admin);
      const draft = await seller.admin.offers.create(completeOfferTerms(created.id, eula.sha256));
      const sent = await seller.admin.offers.send({ offerId: draft.id });
      return { ...seller, product: created, eula, offer: sent };
    }

    it("sends without waiting for the marketplace, then publishes, follows the change set and records the marketplace's offer", async () => {
      const { admin, offer, product, eula } = await sentOffer();
      expect(offer.status).toBe("sent");
      expect(offer.publication).toMatchObject({ state: "publishing", attempt: 1, marketplaceOfferId: null, buyerUrl: null, error: null });
      expect(marketplace.published).toEqual([]);

      const job = follower();
      expect(await job.runOnce()).toBe(1);
      expect(marketplace.published).toHaveLength(1);
      const request = marketplace.published[0];
      expect(request).toMatchObject({
        offerId: offer.id,
        attempt: 1,
        product: { id: product.id, catalogProductId: "prod-abcdef123456", marketplaceProductId: product.marketplaceProductId },
        terms: { name: "Acme three-year deal", pricing: { model: "saas_contract", contract: { seats: "1200.125" } } },
        eula: { sha256: eula.sha256 },
      });
      expect(Buffer.from(request?.eula.bytes ?? []).subarray(0, 5).toString()).toBe("%PDF-");

      expect(await job.runOnce()).toBe(0);
      api.clock.set("2027-03-01T12:01:00.000Z");
      expect(await job.runOnce()).toBe(1);
      expect(marketplace.followed).toEqual([`cs-${offer.id}-1`]);
      expect((await admin.offers.get({ offerId: offer.id })).publication.state).toBe("publishing");

      marketplace.followAnswers.push(() => ({ status: "succeeded", marketplaceOfferId: "offer-mkt0001", buyerUrl: "https://aws.example/procurement?offerId=offer-mkt0001" }));
      api.clock.set("2027-03-01T12:02:00.000Z");
      await job.runOnce();
      const published = await admin.offers.get({ offerId: offer.id });
      expect(published.publication).toMatchObject({
        state: "published",
        marketplaceOfferId: "offer-mkt0001",
        buyerUrl: "https://aws.example/procurement?offerId=offer-mkt0001",
        error: null,
        agreement: null,
        updatedAt: "2027-03-01T12:02:00.000Z",
      });
      expect(published.buyerUrl).toBe(offer.buyerUrl);
      expect(published.termsSha256).toBe(offer.termsSha256);
    });

    it("marks the offer accepted when the follower finds the buyer's agreement on the marketplace", async () => {
      const { admin, offer } = await sentOffer();
      marketplace.followAnswers.push(() => ({ status: "succeeded", marketplaceOfferId: "offer-mkt0002", buyerUrl: "https://aws.example/p" }));
      const job = follower();
      await job.runOnce();
      api.clock.set("2027-03-01T12:01:00.000Z");
      await job.runOnce();
      await job.runOnce();
      expect(marketplace.searched).toEqual(["offer-mkt0002"]);
      expect((await admin.offers.get({ offerId: offer.id })).status).toBe("sent");

      marketplace.agreements.set("offer-mkt0002", [
        {
          id: "agmt-mkt0000000000000000000002",
          buyerAccount: "012345678901",
          status: "active",
          acceptedAt: new Date("2027-03-02T08:00:00.000Z"),
          startsAt: new Date("2027-03-02T08:00:00.000Z"),
          endsAt: new Date("2030-03-02T08:00:00.000Z"),
        },
      ]);
      api.clock.set("2027-03-01T12:05:59.000Z");
      expect(await job.runOnce()).toBe(0);
      api.clock.set("2027-03-02T09:00:00.000Z");
      expect(await job.runOnce()).toBe(1);
      const accepted = await admin.offers.get({ offerId: offer.id });
      expect(accepted.status).toBe("accepted");
      expect(accepted.acceptedAt).toBe("2027-03-02T08:00:00.000Z");
      expect(accepted.publication.agreement).toEqual({
        id: "agmt-mkt0000000000000000000002",
        buyerAccount: "012345678901",
        acceptedAt: "2027-03-02T08:00:00.000Z",
        startsAt: "2027-03-02T08:00:00.000Z",
        endsAt: "2030-03-02T08:00:00.000Z",
      });
      // Other targeted accounts may still accept: the follower keeps looking.
      api.clock.set("2027-03-02T09:05:00.000Z");
      expect(await job.runOnce()).toBe(1);
      expect(marketplace.searched).toEqual(["offer-mkt0002", "offer-mkt0002", "offer-mkt0002"]);
    });

    it("reports a failed change set with the marketplace's details, and republishes the same terms as a new attempt", async () => {
      const { admin, offer, keyWith } = await sentOffer();
      const details = [{ code: "INVALID_INPUT", message: "The EULA URL cannot be reached" }];
      marketplace.followAnswers.push(() => ({ status: "failed", error: { message: "The marketplace refused the change set", details } }));
      const job = follower();
      await job.runOnce();
      api.clock.set("2027-03-01T12:01:00.000Z");
      await job.runOnce();
      const failed = await admin.offers.get({ offerId: offer.id });
      expect(failed.status).toBe("sent");
      expect(failed.publication).toMatchObject({ state: "failed", attempt: 1, error: { message: "The marketplace refused the change set", details } });

      const reader = await keyWith("offers:read");
      expect((await failure(reader.offers.republish({ offerId: offer.id }))).code).toBe("FORBIDDEN");
      const again = await admin.offers.republish({ offerId: offer.id });
      expect(again.publication).toMatchObject({ state: "publishing", attempt: 2, error: null });
      expect(again.termsSha256).toBe(offer.termsSha256);
      expect((await failure(admin.offers.republish({ offerId: offer.id }))).message).toContain("is publishing");

      await job.runOnce();
      expect(marketplace.published.map((request) => request.attempt)).toEqual([1, 2]);
      expect(marketplace.published[1]?.terms).toEqual(marketplace.published[0]?.terms);
    });

    it("retries throttling and outages with growing waits, then reports the publication failed", async () => {
      const { admin, offer } = await sentOffer();
      const throttled = () => {
        throw new PublisherError("Rate exceeded", { retryable: true, details: [{ code: "ThrottlingException", message: "Rate exceeded" }] });
      };
      marketplace.publishAnswers.push(throttled, throttled, throttled, throttled);
      const job = follower();
      const waits: string[] = [];
      let at = new Date(TEST_START).getTime();
      for (let round = 0; round < 4; round += 1) {
        await job.runOnce();
        const { publication } = await admin.offers.get({ offerId: offer.id });
        waits.push(publication.state);
        at += [10_000, 20_000, 40_000, 40_000][round] ?? 0;
        api.clock.set(new Date(at).toISOString());
      }
      expect(marketplace.published).toHaveLength(4);
      expect(waits).toEqual(["publishing", "publishing", "publishing", "failed"]);
      const { publication } = await admin.offers.get({ offerId: offer.id });
      expect(publication.error?.message).toMatch(/^Gave up after 4 errors in a row from the scripted marketplace; the last: Rate exceeded/);
      expect(publication.error?.details).toEqual([{ code: "ThrottlingException", message: "Rate exceeded" }]);
    });

    it("fails at once, with the reason, on a request the marketplace refuses", async () => {
      const { admin, offer } = await sentOffer();
      marketplace.publishAnswers.push(() => {
        throw new PublisherError("Product prod-x has no catalog product ID", { retryable: false });
      });
      await follower().runOnce();
      expect((await admin.offers.get({ offerId: offer.id })).publication).toMatchObject({
        state: "failed",
        error: { message: "Product prod-x has no catalog product ID", details: [] },
      });
    });

    it("refuses to republish a draft, and an offer whose deadline has passed", async () => {
      const { admin, offer, product, eula } = await sentOffer();
      const draft = await admin.offers.create(completeOfferTerms(product.id, eula.sha256));
      expect((await failure(admin.offers.republish({ offerId: draft.id }))).message).toContain("is a draft");
      marketplace.publishAnswers.push(() => {
        throw new PublisherError("Refused", { retryable: false });
      });
      await follower().runOnce();
      api.clock.set("2027-04-01T00:00:00.000Z");
      expect((await failure(admin.offers.republish({ offerId: offer.id }))).code).toBe("OFFER_EXPIRED");
    });

    it("ticks on its scheduler until closed", async () => {
      await sentOffer();
      const scheduler = new ManualScheduler();
      const job = createPublicationFollower(api.deps, marketplace, { timings, scheduler, tickMs: 1_000 });
      job.start();
      await job.close();
      expect(marketplace.published).toHaveLength(1);
      expect(scheduler.pending.filter((entry) => !entry.cancelled)).toEqual([]);

      const running = createPublicationFollower(api.deps, marketplace, { timings, scheduler, tickMs: 1_000 });
      running.start();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(scheduler.pending.at(-1)).toMatchObject({ delayMs: 1_000, cancelled: false });
      await running.close();
      expect(scheduler.pending.at(-1)?.cancelled).toBe(true);
    });
  });
});
