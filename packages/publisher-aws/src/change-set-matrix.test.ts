import {
  checkSendable,
  productPricingSchema,
  type AgreementTerm,
  type Installment,
  type OfferPricing,
  type OfferTerms,
  type PricingModel,
  type ProductPricing,
} from "@offerkit/core";
import { describe, expect, it } from "vitest";
import { offerChangeSet, type OfferChange } from "./change-set";
import { changeSetViolations } from "./change-set-schema";

/**
 * Every model x agreement kind x with and without a schedule, at the marketplace's limits: what
 * core lets a rep send must make a change set the published shapes accept, and what it refuses
 * is named here, so a rule that drifts on either side fails this test.
 */
const now = new Date("2027-01-10T12:00:00Z");
const CAP = "100000000";
const ACCOUNTS = Array.from({ length: 25 }, (_, index) => String(100000000000 + index));
const REFUND_POLICY = `Refunds within 30 days (c) Acme(R) ${"x".repeat(500)}`.slice(0, 500);
const keys = ["m5.large", "m5.xlarge"];
const dimensions = keys.map((key) => ({ key, name: key }));
const table = (price: string) => Object.fromEntries(keys.map((key) => [key, price]));
const quantities = Object.fromEntries(keys.map((key) => [key, 2_147_483_646]));

/** 60 charges, 15 days apart from the first day after the deadline: inside P1095D and P60M. */
const sixtyInstallments: Installment[] = Array.from({ length: 60 }, (_, index) => ({
  chargeDate: new Date(Date.UTC(2027, 1, 1) + index * 15 * 86_400_000).toISOString().slice(0, 10),
  amount: CAP,
}));

function product(model: PricingModel): ProductPricing {
  switch (model) {
    case "free":
    case "byol":
    case "monthly":
      return productPricingSchema.parse({ model });
    case "usage":
      return productPricingSchema.parse({ model, category: "users", dimensions });
    case "saas_subscription":
      return productPricingSchema.parse({ model, category: "requests", dimensions });
    default:
      return productPricingSchema.parse({ model, dimensions });
  }
}

function pricing(model: PricingModel, scheduled: boolean): OfferPricing {
  switch (model) {
    case "free":
    case "byol":
      return { model };
    case "monthly":
      return { model, monthlyFee: CAP };
    case "hourly":
      return { model, hourly: table(CAP) };
    case "hourly_annual":
      return scheduled ? { model, hourly: table(CAP), annual: table("0"), annualQuantities: quantities } : { model, hourly: table(CAP), annual: table(CAP) };
    case "usage":
    case "saas_subscription":
      return { model, rates: table(CAP) };
    case "saas_contract":
      return scheduled ? { model, contract: table("0"), quantities } : { model, contract: table(CAP) };
  }
}

const agreements: Record<string, AgreementTerm> = {
  P1095D: { kind: "duration", duration: "P1095D" },
  P60M: { kind: "duration", duration: "P60M" },
  endDate: { kind: "endDate", endDate: "2031-12-31" },
};

const models: PricingModel[] = ["free", "byol", "monthly", "hourly", "hourly_annual", "usage", "saas_subscription", "saas_contract"];
const matrix = models.flatMap((model) =>
  Object.keys(agreements).flatMap((agreement) => [false, true].map((scheduled) => ({ model, agreement, scheduled }))),
);

function terms({ model, agreement, scheduled }: (typeof matrix)[number]): OfferTerms {
  return {
    name: "N".repeat(150),
    description: "D".repeat(255),
    buyerAccounts: ACCOUNTS,
    pricing: pricing(model, scheduled),
    eulaSha256: "a".repeat(64),
    agreement: agreements[agreement] ?? { kind: "duration", duration: "P12M" },
    acceptanceDeadline: "2027-01-31",
    refundPolicy: REFUND_POLICY,
    ...(scheduled ? { installments: sixtyInstallments } : {}),
  };
}

const EULA_URL = "https://offerkit-eulas.s3.us-east-1.amazonaws.com/offerkit/eulas/aaaa.pdf";
const build = (offer: OfferTerms): OfferChange[] => offerChangeSet({ catalogProductId: "prod-abcdef123456", terms: offer, eulaUrl: EULA_URL });

describe("the change-set matrix", () => {
  const sendable = matrix.filter((entry) => checkSendable({ terms: terms(entry), productPricing: product(entry.model), eulaAvailable: true, now }).length === 0);

  it("lets a rep send exactly the combinations the marketplace can express", () => {
    expect(sendable.map(({ model, agreement, scheduled }) => `${model} ${agreement}${scheduled ? " + schedule" : ""}`)).toEqual([
      "hourly P1095D",
      "hourly_annual P1095D",
      "hourly_annual P1095D + schedule",
      "usage P1095D",
      "saas_subscription P1095D",
      "saas_contract P60M",
      "saas_contract P60M + schedule",
      "saas_contract endDate + schedule",
    ]);
  });

  it.each(sendable)("builds a change set the published shapes accept: $model $agreement schedule=$scheduled", (entry) => {
    expect(changeSetViolations(build(terms(entry)))).toEqual([]);
  });
});

describe("the change-set check", () => {
  const valid = () =>
    build(terms({ model: "saas_contract", agreement: "endDate", scheduled: true })).map((change) => JSON.parse(JSON.stringify(change)) as Record<string, unknown>);
  const details = (changes: Record<string, unknown>[], type: string) => {
    const found = changes.find((change) => change.ChangeType === type);
    return found?.DetailsDocument as { Terms: Record<string, unknown>[] } & Record<string, unknown>;
  };

  it.each([
    [
      "a charge date with a time",
      (changes: Record<string, unknown>[]) => {
        const schedule = details(changes, "UpdatePaymentScheduleTerms").Terms[0]?.Schedule as { ChargeDate: string }[];
        schedule[0] = { ...schedule[0], ChargeDate: "2027-02-01T00:00:00Z" } as { ChargeDate: string };
      },
      { change: "UpdatePaymentScheduleTerms (change 8)", changeType: "UpdatePaymentScheduleTerms", field: "DetailsDocument.Terms.0.Schedule.0.ChargeDate", rule: "ChargeDate is a calendar date, YYYY-MM-DD, with no time" },
    ],
    [
      "no pricing term",
      (changes: Record<string, unknown>[]) => {
        details(changes, "UpdatePricingTerms").Terms = [];
      },
      { change: "UpdatePricingTerms (change 4)", changeType: "UpdatePricingTerms", field: "DetailsDocument.Terms", rule: "Terms holds at least one pricing term" },
    ],
    [
      "curly quotes in the refund policy",
      (changes: Record<string, unknown>[]) => {
        const [term] = details(changes, "UpdateSupportTerms").Terms;
        if (term) term.RefundPolicy = "\u201Cunused\u201D months";
      },
      { change: "UpdateSupportTerms (change 6)", changeType: "UpdateSupportTerms", field: "DetailsDocument.Terms.0.RefundPolicy", rule: "RefundPolicy takes ASCII and © ® ™ ¢ £ ¤ ¥ only" },
    ],
    [
      "a charge above the cap",
      (changes: Record<string, unknown>[]) => {
        const schedule = details(changes, "UpdatePaymentScheduleTerms").Terms[0]?.Schedule as { ChargeAmount: string }[];
        schedule[1] = { ...schedule[1], ChargeAmount: "100000000.01" } as { ChargeAmount: string };
      },
      {
        change: "UpdatePaymentScheduleTerms (change 8)",
        changeType: "UpdatePaymentScheduleTerms",
        field: "DetailsDocument.Terms.0.Schedule.1.ChargeAmount",
        rule: "ChargeAmount is a decimal string from 0 to 100000000 with at most 2 decimals",
      },
    ],
    [
      "27 buyer accounts",
      (changes: Record<string, unknown>[]) => {
        details(changes, "UpdateTargeting").PositiveTargeting = { BuyerAccounts: Array.from({ length: 27 }, (_, index) => String(200000000000 + index)) };
      },
      { change: "UpdateTargeting (change 3)", changeType: "UpdateTargeting", field: "DetailsDocument.PositiveTargeting.BuyerAccounts", rule: "BuyerAccounts has 1 to 26 accounts" },
    ],
    [
      "a grant with a quantity written as a string",
      (changes: Record<string, unknown>[]) => {
        const grants = details(changes, "UpdatePricingTerms").Terms[0]?.Grants as Record<string, unknown>[];
        grants[0] = { DimensionKey: "m5.large", MaxQuantity: "5" };
      },
      { change: "UpdatePricingTerms (change 4)", changeType: "UpdatePricingTerms", field: "DetailsDocument.Terms.0.Grants.0.MaxQuantity", rule: "Invalid input: expected number, received string" },
    ],
  ])("refuses %s, naming the change, the field and the rule", (_case, spoil, violation) => {
    const changes = valid();
    expect(changeSetViolations(changes)).toEqual([]);
    spoil(changes);
    expect(changeSetViolations(changes)).toEqual([violation]);
  });

  it("refuses a contract rate card selected by an end date: the selector takes a duration only", () => {
    const changes = build(terms({ model: "saas_contract", agreement: "P60M", scheduled: false })).map((change) => JSON.parse(JSON.stringify(change)) as Record<string, unknown>);
    const [term] = details(changes, "UpdatePricingTerms").Terms;
    const [card] = term?.RateCards as { Selector: { Value: string } }[];
    if (card) card.Selector.Value = "2031-12-31";
    expect(changeSetViolations(changes).map((violation) => violation.rule)).toEqual(["Selector.Value is an ISO 8601 duration such as P12M or P365D"]);
  });
});
