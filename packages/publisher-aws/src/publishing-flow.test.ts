import { completeOfferTerms, sampleProduct, TEST_START, uploadSamplePdf } from "@offerkit/api/testing";
import { testDialects } from "@offerkit/db/testing";
import { describe, expect, it } from "vitest";
import { listAgreementsForOffer } from "@offerkit/db";
import { wireAgreement } from "./agreement-api.fake";
import { useAwsFlow } from "./aws-flow.fixture";
import { clientRequestToken } from "./client-request-token";


describe.each(testDialects())("a sent offer published to AWS Marketplace, seen by its seller, on %s", (dialect) => {
  const flow = useAwsFlow(dialect);

  async function sentOffer(buyerAccounts?: string[]) {
    flow.api.clock.set(TEST_START);
    const { admin, sellerId, keyWith } = await flow.api.newSeller();
    const product = await admin.products.create(sampleProduct({ catalogProductId: "prod-abcdef123456" }));
    const eula = await uploadSamplePdf(admin);
    const draft = await admin.offers.create(completeOfferTerms(product.id, eula.sha256, buyerAccounts));
    const offer = await admin.offers.send({ offerId: draft.id });
    return { admin, sellerId, keyWith, product, eula, offer };
  }

  const later = (iso: string) => flow.api.clock.set(iso);

  it("reports a change set that failed on AWS with its ErrorDetailList, then republishes the same terms under a new token", async () => {
    const { admin, offer, eula } = await sentOffer();
    expect(offer.publication.state).toBe("publishing");
    expect(flow.fake.startRequests).toEqual([]);

    await flow.follower.runOnce();
    expect(flow.fake.uploads.map((upload) => upload.key)).toEqual([`offerkit/eulas/${eula.sha256}.pdf`]);
    expect(flow.fake.changeSets.map((changeSet) => changeSet.token)).toEqual([clientRequestToken(offer.id, 1)]);

    flow.fake.described.set("cs-1", {
      ChangeSetId: "cs-1",
      Status: "FAILED",
      FailureCode: "CLIENT_ERROR",
      ChangeSet: [
        {
          ChangeType: "UpdateLegalTerms",
          Entity: { Type: "Offer@1.0" },
          ErrorDetailList: [{ ErrorCode: "INVALID_INPUT", ErrorMessage: "The EULA document could not be downloaded" }],
        },
      ],
    });
    later("2027-03-01T12:01:00.000Z");
    await flow.follower.runOnce();
    const failed = await admin.offers.get({ offerId: offer.id });
    expect(failed.status).toBe("sent");
    expect(failed.publication).toMatchObject({
      state: "failed",
      attempt: 1,
      error: {
        message: "Change set cs-1 failed on the marketplace: CLIENT_ERROR",
        details: [{ code: "INVALID_INPUT", message: "UpdateLegalTerms: The EULA document could not be downloaded", field: "eulaSha256" }],
      },
    });

    await admin.offers.republish({ offerId: offer.id });
    await flow.follower.runOnce();
    expect(flow.fake.changeSets.map((changeSet) => changeSet.token)).toEqual([clientRequestToken(offer.id, 1), clientRequestToken(offer.id, 2)]);
    // The same terms and the same lasting EULA URL, under a new token.
    expect(flow.fake.changeSets[1]?.body.ChangeSet).toEqual(flow.fake.changeSets[0]?.body.ChangeSet);

    flow.fake.described.set("cs-2", {
      ChangeSetId: "cs-2",
      Status: "SUCCEEDED",
      ChangeSet: [{ ChangeType: "CreateOffer", ChangeName: "CreateOfferChange", Entity: { Type: "Offer@1.0", Identifier: "offer-mkt3333333333" } }],
    });
    later("2027-03-01T12:02:00.000Z");
    await flow.follower.runOnce();
    const published = await admin.offers.get({ offerId: offer.id });
    expect(published.publication).toMatchObject({
      state: "published",
      attempt: 2,
      marketplaceOfferId: "offer-mkt3333333333",
      error: null,
    });
    expect(published.publication.buyerUrl).toMatch(/^https:\/\/aws\.amazon\.com\/marketplace\/procurement\?productId=[0-9a-f-]{36}&offerId=offer-mkt3333333333$/);
  });

  it("records every agreement made on AWS, through every page, once each, and follows them until none runs", async () => {
    const { admin, offer, sellerId, keyWith } = await sentOffer(["012345678901", "210987654321"]);
    await flow.follower.runOnce();
    flow.fake.described.set("cs-1", {
      ChangeSetId: "cs-1",
      Status: "SUCCEEDED",
      ChangeSet: [{ ChangeType: "CreateOffer", ChangeName: "CreateOfferChange", Entity: { Type: "Offer@1.0", Identifier: "offer-mkt4444444444" } }],
    });
    later("2027-03-01T12:01:00.000Z");
    await flow.follower.runOnce();
    await flow.follower.runOnce();
    expect(flow.fake.agreementApi.searches).toHaveLength(1);
    expect((await admin.offers.get({ offerId: offer.id })).status).toBe("sent");

    // Two buyers, one agreement a page.
    flow.fake.agreementApi.pageSize = 1;
    const alice = { id: "agmt-5555555555555555555555555", offerId: "offer-mkt4444444444", account: "012345678901", acceptedAt: "2027-03-02T08:30:00Z", endsAt: "2030-03-02T08:30:00Z" };
    const bob = { id: "agmt-6666666666666666666666666", offerId: "offer-mkt4444444444", account: "210987654321", acceptedAt: "2027-03-02T10:00:00Z", endsAt: "2030-03-02T10:00:00Z" };
    flow.fake.agreementApi.agreements = [wireAgreement(bob), wireAgreement(alice)];
    later("2027-03-02T09:00:00.000Z");
    await flow.follower.runOnce();
    expect(flow.fake.agreementApi.searches.slice(1).map((search) => search.nextToken === undefined)).toEqual([true, false]);
    later("2027-03-02T09:05:00.000Z");
    await flow.follower.runOnce();

    const accepted = await admin.offers.get({ offerId: offer.id });
    expect(accepted.status).toBe("accepted");
    expect(accepted.acceptedAt).toBe("2027-03-02T08:30:00.000Z");
    expect(accepted.publication.agreement).toEqual({
      id: "agmt-5555555555555555555555555",
      buyerAccount: "012345678901",
      acceptedAt: "2027-03-02T08:30:00.000Z",
      startsAt: "2027-03-02T08:30:00.000Z",
      endsAt: "2030-03-02T08:30:00.000Z",
    });
    const agreements = await listAgreementsForOffer(flow.api.deps.db, offer.id);
    expect(agreements.map((agreement) => [agreement.marketplaceAgreementId, agreement.buyerAccount])).toEqual([
      ["agmt-5555555555555555555555555", "012345678901"],
      ["agmt-6666666666666666666666666", "210987654321"],
    ]);
    const support = await keyWith("support:read");
    for (const account of ["012345678901", "210987654321"]) {
      const seen = await support.support.lookup({ account });
      expect(seen.subscriptions).toEqual([expect.objectContaining({ offerId: offer.id, visibility: "private", status: "active" })]);
    }
    expect(await flow.api.deps.db.selectFrom("subscriptions").select("id").where("seller_id", "=", sellerId).execute()).toHaveLength(2);

    // Bob cancels on AWS; after the deadline the follower looks every 6 hours while Alice's runs.
    flow.fake.agreementApi.agreements = [wireAgreement({ ...bob, status: "CANCELLED" }), wireAgreement(alice)];
    later("2027-04-02T00:00:01.000Z");
    await flow.follower.runOnce();
    expect((await support.support.lookup({ account: "210987654321" })).subscriptions).toEqual([
      expect.objectContaining({ status: "cancelled", endsAt: "2027-04-02T00:00:01.000Z" }),
    ]);
    const searches = flow.fake.agreementApi.searches.length;
    later("2027-04-02T05:59:59.000Z");
    await flow.follower.runOnce();
    expect(flow.fake.agreementApi.searches).toHaveLength(searches);
    flow.fake.agreementApi.agreements = [wireAgreement({ ...bob, status: "CANCELLED" }), wireAgreement({ ...alice, status: "REPLACED" })];
    later("2027-04-02T06:00:01.000Z");
    await flow.follower.runOnce();
    expect((await support.support.lookup({ account: "012345678901" })).subscriptions).toEqual([
      expect.objectContaining({ status: "ended", endsAt: "2027-04-02T06:00:01.000Z" }),
    ]);
    later("2027-06-01T00:00:00.000Z");
    expect(await flow.follower.runOnce()).toBe(0);
  });
});
