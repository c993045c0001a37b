import type { OfferPricing, OfferTerms } from "@offerkit/core";
import { describe, expect, it } from "vitest";
import { offerChangeSet } from "./change-set";
import { changeSetViolations } from "./change-set-schema";
import { UnpublishableOfferError } from "./pricing-terms";

const EULA_URL = "https://eulas.s3.us-east-1.amazonaws.com/eulas/abc.pdf?X-Amz-Signature=00";
const offer = { Type: "Offer@1.0", Identifier: "$CreateOfferChange.Entity.Identifier" };

function termsWith(pricing: OfferPricing, overrides: Partial<OfferTerms> = {}): OfferTerms {
  return {
    name: "Acme three-year deal",
    description: "Negotiated with Acme procurement",
    buyerAccounts: ["012345678901", "999988887777"],
    pricing,
    eulaSha256: "a".repeat(64),
    agreement: { kind: "duration", duration: "P36M" },
    acceptanceDeadline: "2027-03-31",
    refundPolicy: "Write to refunds@example.com within 30 days.",
    ...overrides,
  };
}

/** The change set every private offer gets, around its pricing terms: written out in full, as the marketplace reads it. */
function expectedJson(pricingTerms: unknown, validity: unknown = { Type: "ValidityTerm", AgreementDuration: "P36M" }): string {
  return JSON.stringify([
    { ChangeType: "CreateOffer", ChangeName: "CreateOfferChange", Entity: { Type: "Offer@1.0" }, DetailsDocument: { ProductId: "prod-abcdef123456" } },
    { ChangeType: "UpdateInformation", Entity: offer, DetailsDocument: { Name: "Acme three-year deal", Description: "Negotiated with Acme procurement" } },
    { ChangeType: "UpdateTargeting", Entity: offer, DetailsDocument: { PositiveTargeting: { BuyerAccounts: ["012345678901", "999988887777"] } } },
    { ChangeType: "UpdatePricingTerms", Entity: offer, DetailsDocument: pricingTerms },
    {
      ChangeType: "UpdateLegalTerms",
      Entity: offer,
      DetailsDocument: { Terms: [{ Type: "LegalTerm", Documents: [{ Type: "CustomEula", Url: EULA_URL }] }] },
    },
    {
      ChangeType: "UpdateSupportTerms",
      Entity: offer,
      DetailsDocument: { Terms: [{ Type: "SupportTerm", RefundPolicy: "Write to refunds@example.com within 30 days." }] },
    },
    { ChangeType: "UpdateValidityTerms", Entity: offer, DetailsDocument: { Terms: [validity] } },
    { ChangeType: "UpdateAvailability", Entity: offer, DetailsDocument: { AvailabilityEndDate: "2027-03-31" } },
    { ChangeType: "ReleaseOffer", Entity: offer, DetailsDocument: {} },
  ]);
}

const changeSetJson = (terms: OfferTerms) =>
  JSON.stringify(offerChangeSet({ catalogProductId: "prod-abcdef123456", terms, eulaUrl: EULA_URL }));

/** Hourly and metered offers run days; contracts months (the marketplace's rule, checked by core at send). */
const validityOf = (pricing: OfferPricing) => (pricing.model === "saas_contract" ? "P36M" : "P365D");

const cases: [string, OfferPricing, unknown][] = [
  [
    "hourly",
    { model: "hourly", hourly: { "m5.large": "0.12345678", "m5.xlarge": "0.5" } },
    {
      PricingModel: "Usage",
      Terms: [
        {
          Type: "UsageBasedPricingTerm",
          CurrencyCode: "USD",
          RateCards: [{ RateCard: [{ DimensionKey: "m5.large", Price: "0.12345678" }, { DimensionKey: "m5.xlarge", Price: "0.5" }] }],
        },
      ],
    },
  ],
  [
    "hourly_annual",
    { model: "hourly_annual", hourly: { "m5.large": "0.12", "m5.xlarge": "0.24" }, annual: { "m5.large": "700.125" } },
    {
      PricingModel: "Usage",
      Terms: [
        {
          Type: "UsageBasedPricingTerm",
          CurrencyCode: "USD",
          RateCards: [{ RateCard: [{ DimensionKey: "m5.large", Price: "0.12" }, { DimensionKey: "m5.xlarge", Price: "0.24" }] }],
        },
        {
          Type: "ConfigurableUpfrontPricingTerm",
          CurrencyCode: "USD",
          RateCards: [
            {
              Selector: { Type: "Duration", Value: "P365D" },
              RateCard: [{ DimensionKey: "m5.large", Price: "700.125" }],
              Constraints: { MultipleDimensionSelection: "Allowed", QuantityConfiguration: "Allowed" },
            },
          ],
        },
      ],
    },
  ],
  [
    "usage",
    { model: "usage", rates: { users_basic: "0.00000001", users_pro: "2" } },
    {
      PricingModel: "Usage",
      Terms: [
        {
          Type: "UsageBasedPricingTerm",
          CurrencyCode: "USD",
          RateCards: [{ RateCard: [{ DimensionKey: "users_basic", Price: "0.00000001" }, { DimensionKey: "users_pro", Price: "2" }] }],
        },
      ],
    },
  ],
  [
    "saas_subscription",
    { model: "saas_subscription", rates: { requests: "0.0004" } },
    {
      PricingModel: "Usage",
      Terms: [{ Type: "UsageBasedPricingTerm", CurrencyCode: "USD", RateCards: [{ RateCard: [{ DimensionKey: "requests", Price: "0.0004" }] }] }],
    },
  ],
  [
    "saas_contract",
    { model: "saas_contract", contract: { seats: "1200.125", storage_tb: "45.5" } },
    {
      PricingModel: "Contract",
      Terms: [
        {
          Type: "ConfigurableUpfrontPricingTerm",
          CurrencyCode: "USD",
          RateCards: [
            {
              Selector: { Type: "Duration", Value: "P36M" },
              RateCard: [{ DimensionKey: "seats", Price: "1200.125" }, { DimensionKey: "storage_tb", Price: "45.5" }],
              Constraints: { MultipleDimensionSelection: "Allowed", QuantityConfiguration: "Allowed" },
            },
          ],
        },
      ],
    },
  ],
];

describe("the change set of a private offer", () => {
  it.each(cases)("prices a %s offer exactly as the marketplace's shapes say", (_model, pricing, pricingTerms) => {
    const duration = validityOf(pricing);
    const terms = termsWith(pricing, { agreement: { kind: "duration", duration } });
    expect(changeSetJson(terms)).toBe(expectedJson(pricingTerms, { Type: "ValidityTerm", AgreementDuration: duration }));
    expect(changeSetViolations(JSON.parse(changeSetJson(terms)) as unknown[])).toEqual([]);
  });

  it("covers every model that takes private offers", () => {
    expect(cases.map(([model]) => model).sort()).toEqual(["hourly", "hourly_annual", "saas_contract", "saas_subscription", "usage"]);
  });

  it.each([
    ["free", { model: "free" }],
    ["byol", { model: "byol" }],
    ["monthly", { model: "monthly", monthlyFee: "99.99" }],
  ] as const)("refuses a %s offer before any change is made", (_model, pricing) => {
    expect(() => offerChangeSet({ catalogProductId: "prod-abcdef123456", terms: termsWith(pricing), eulaUrl: EULA_URL })).toThrow(UnpublishableOfferError);
  });

  it("keeps prices as decimal strings, never numbers", () => {
    const [pricingChange] = offerChangeSet({
      catalogProductId: "prod-abcdef123456",
      terms: termsWith({ model: "saas_contract", contract: { seats: "0.001" } }),
      eulaUrl: EULA_URL,
    }).filter((change) => change.ChangeType === "UpdatePricingTerms");
    expect(JSON.stringify(pricingChange?.DetailsDocument)).toContain('"Price":"0.001"');
  });

  it("sends a contract that ends on a date as granted quantities at price 0, the end date and a date-only schedule", () => {
    const terms = termsWith(
      { model: "saas_contract", contract: { seats: "0", storage_tb: "0" }, quantities: { seats: 250, storage_tb: 4 } },
      {
        agreement: { kind: "endDate", endDate: "2028-06-30" },
        installments: [
          { chargeDate: "2027-04-01", amount: "1200" },
          { chargeDate: "2027-10-01", amount: "1200.5" },
        ],
      },
    );
    const changes = offerChangeSet({ catalogProductId: "prod-abcdef123456", terms, eulaUrl: EULA_URL });
    const details = (type: string) => changes.find((change) => change.ChangeType === type)?.DetailsDocument;
    expect(details("UpdatePricingTerms")).toEqual({
      PricingModel: "Contract",
      Terms: [
        {
          Type: "FixedUpfrontPricingTerm",
          CurrencyCode: "USD",
          Price: "0",
          Grants: [
            { DimensionKey: "seats", MaxQuantity: 250 },
            { DimensionKey: "storage_tb", MaxQuantity: 4 },
          ],
        },
      ],
    });
    expect(details("UpdateValidityTerms")).toEqual({ Terms: [{ Type: "ValidityTerm", AgreementEndDate: "2028-06-30" }] });
    expect(changes.map((change) => change.ChangeType).slice(-4)).toEqual(["UpdateValidityTerms", "UpdatePaymentScheduleTerms", "UpdateAvailability", "ReleaseOffer"]);
    expect(details("UpdatePaymentScheduleTerms")).toEqual({
      Terms: [
        {
          Type: "PaymentScheduleTerm",
          CurrencyCode: "USD",
          Schedule: [
            { ChargeDate: "2027-04-01", ChargeAmount: "1200.00" },
            { ChargeDate: "2027-10-01", ChargeAmount: "1200.50" },
          ],
        },
      ],
    });
    expect(changeSetViolations(changes)).toEqual([]);
  });

  it("grants annual instance types for a year when an hourly + annual offer is paid in installments, hourly prices kept", () => {
    const terms = termsWith(
      { model: "hourly_annual", hourly: { "m5.large": "0.12" }, annual: { "m5.large": "0" }, annualQuantities: { "m5.large": 3 } },
      { agreement: { kind: "duration", duration: "P730D" }, installments: [{ chargeDate: "2027-04-01", amount: "5000" }] },
    );
    const changes = offerChangeSet({ catalogProductId: "prod-abcdef123456", terms, eulaUrl: EULA_URL });
    expect(changes.find((change) => change.ChangeType === "UpdatePricingTerms")?.DetailsDocument).toEqual({
      PricingModel: "Usage",
      Terms: [
        { Type: "UsageBasedPricingTerm", CurrencyCode: "USD", RateCards: [{ RateCard: [{ DimensionKey: "m5.large", Price: "0.12" }] }] },
        { Type: "FixedUpfrontPricingTerm", CurrencyCode: "USD", Price: "0", Duration: "P365D", Grants: [{ DimensionKey: "m5.large", MaxQuantity: 3 }] },
      ],
    });
    expect(changeSetViolations(changes)).toEqual([]);
  });

  it("leaves out the support terms of a zero-priced offer without a refund policy", () => {
    const { refundPolicy: _refund, ...terms } = termsWith({ model: "usage", rates: { users_basic: "0" } }, { agreement: { kind: "duration", duration: "P30D" } });
    const types = offerChangeSet({ catalogProductId: "prod-abcdef123456", terms, eulaUrl: EULA_URL }).map((change) => change.ChangeType);
    expect(types).toEqual([
      "CreateOffer",
      "UpdateInformation",
      "UpdateTargeting",
      "UpdatePricingTerms",
      "UpdateLegalTerms",
      "UpdateValidityTerms",
      "UpdateAvailability",
      "ReleaseOffer",
    ]);
  });

  it("refuses a SaaS contract that runs to an end date without a payment schedule, naming the agreement", () => {
    const terms = termsWith({ model: "saas_contract", contract: { seats: "10" } }, { agreement: { kind: "endDate", endDate: "2028-06-30" } });
    const attempt = () => offerChangeSet({ catalogProductId: "prod-abcdef123456", terms, eulaUrl: EULA_URL });
    expect(attempt).toThrow(UnpublishableOfferError);
    expect(attempt).toThrow(/duration/);
  });
});
