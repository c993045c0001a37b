import { sampleProduct, TEST_START, uploadSamplePdf } from "@offerkit/api/testing";
import type { CreateOfferInput, CreateProductInput } from "@offerkit/core";
import { testDialects } from "@offerkit/db/testing";
import { describe, expect, it } from "vitest";
import { wireAgreement } from "./agreement-api.fake";
import { useAwsFlow } from "./aws-flow.fixture";
import { changeSetViolations } from "./change-set-schema";

const BUYER = "210987654321";

type Case = { product: CreateProductInput["pricing"]; offer: Pick<CreateOfferInput, "pricing" | "agreement" | "installments"> };
const days = { kind: "duration", duration: "P365D" } as const;
const instances = [{ key: "m5.large", name: "m5.large" }];

/** One offer of each model AWS takes private offers for, and the two kinds of schedule. */
const cases: Record<string, Case> = {
  hourly: { product: { model: "hourly", dimensions: instances }, offer: { pricing: { model: "hourly", hourly: { "m5.large": "0.25" } }, agreement: days } },
  hourly_annual: {
    product: { model: "hourly_annual", dimensions: instances },
    offer: { pricing: { model: "hourly_annual", hourly: { "m5.large": "0.25" }, annual: { "m5.large": "1500" } }, agreement: days },
  },
  "hourly_annual in installments": {
    product: { model: "hourly_annual", dimensions: instances },
    offer: {
      pricing: { model: "hourly_annual", hourly: { "m5.large": "0.25" }, annual: { "m5.large": "0" }, annualQuantities: { "m5.large": 4 } },
      agreement: days,
      installments: [
        { chargeDate: "2027-03-20", amount: "3000" },
        { chargeDate: "2027-09-01", amount: "3000" },
      ],
    },
  },
  usage: {
    product: { model: "usage", category: "users", dimensions: [{ key: "users", name: "Users" }] },
    offer: { pricing: { model: "usage", rates: { users: "1.5" } }, agreement: days },
  },
  saas_subscription: {
    product: { model: "saas_subscription", category: "requests", dimensions: [{ key: "requests", name: "Requests" }] },
    offer: { pricing: { model: "saas_subscription", rates: { requests: "0.0004" } }, agreement: days },
  },
  saas_contract: {
    product: { model: "saas_contract", dimensions: [{ key: "seats", name: "Seats" }] },
    offer: { pricing: { model: "saas_contract", contract: { seats: "1200" } }, agreement: { kind: "duration", duration: "P12M" } },
  },
  "saas_contract to a date in installments": {
    product: { model: "saas_contract", dimensions: [{ key: "seats", name: "Seats" }] },
    offer: {
      pricing: { model: "saas_contract", contract: { seats: "0" }, quantities: { seats: 100 } },
      agreement: { kind: "endDate", endDate: "2028-03-31" },
      installments: [
        { chargeDate: "2027-03-31", amount: "60000" },
        { chargeDate: "2027-09-30", amount: "60000" },
      ],
    },
  },
};

describe.each(testDialects())("each publishable model, from send to an eligible AWS customer, on %s", (dialect) => {
  const flow = useAwsFlow(dialect);

  it.each(Object.entries(cases))("%s", async (_name, { product: productPricing, offer: terms }) => {
    flow.api.clock.set(TEST_START);
    const { admin, keyWith } = await flow.api.newSeller();
    const product = await admin.products.create(sampleProduct({ pricing: productPricing, catalogProductId: "prod-abcdef123456" }));
    const eula = await uploadSamplePdf(admin);
    const draft = await admin.offers.create({
      productId: product.id,
      name: "Acme deal",
      description: "Negotiated with Acme",
      buyerAccounts: [BUYER],
      eulaSha256: eula.sha256,
      acceptanceDeadline: "2027-03-31",
      refundPolicy: "Write to refunds@example.com within 30 days.",
      ...terms,
    });
    expect(draft.problems).toEqual([]);
    await admin.offers.send({ offerId: draft.id });

    await flow.follower.runOnce();
    const [changeSet] = flow.fake.changeSets;
    expect(changeSetViolations(changeSet?.body.ChangeSet ?? [])).toEqual([]);

    flow.fake.described.set("cs-1", {
      ChangeSetId: "cs-1",
      Status: "SUCCEEDED",
      ChangeSet: [{ ChangeType: "CreateOffer", ChangeName: "CreateOfferChange", Entity: { Type: "Offer@1.0", Identifier: "offer-mkt1111111111@1" }, ErrorDetailList: [] }],
    });
    flow.api.clock.set("2027-03-01T12:02:00.000Z");
    await flow.follower.runOnce();
    expect((await admin.offers.get({ offerId: draft.id })).publication.state).toBe("published");

    flow.fake.agreementApi.agreements.push(
      wireAgreement({ id: "agmt-aws-1", offerId: "offer-mkt1111111111", account: BUYER, acceptedAt: "2027-03-02T09:00:00.000Z", endsAt: "2028-03-02T09:00:00.000Z" }),
    );
    flow.api.clock.set("2027-03-02T10:00:00.000Z");
    await flow.follower.runOnce();
    expect((await admin.offers.get({ offerId: draft.id })).status).toBe("accepted");

    const support = await keyWith("support:read");
    const found = await support.support.lookup({ account: BUYER });
    expect(found.subscriptions).toMatchObject([{ productId: product.id, offerId: draft.id, visibility: "private", status: "active" }]);
  });
});
