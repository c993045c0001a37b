import { describe, expect, it } from "vitest";
import { agreementProblem, checkWrittenTerms, privateOfferModelProblem, refundPolicyProblem } from "./marketplace-rules";
import { checkSendable, isAcceptable, offerTermsSchema, type OfferTerms } from "./offer";
import { offerPricingSchema, pricingModels, productPricingSchema } from "./pricing";

const duration = (value: string) => ({ kind: "duration" as const, duration: value });

describe("the pricing models that take private offers", () => {
  it("are hourly, hourly + annual, usage, SaaS subscription and SaaS contract", () => {
    const taking = pricingModels.filter((model) => privateOfferModelProblem(model) === null);
    expect(taking).toEqual(["hourly", "hourly_annual", "usage", "saas_subscription", "saas_contract"]);
  });

  it.each([
    ["byol", "BYOL"],
    ["monthly", "monthly billing"],
    ["free", "no price to negotiate"],
  ] as const)("refuses %s, saying why", (model, words) => {
    expect(privateOfferModelProblem(model)).toContain(words);
  });
});

describe("agreement durations", () => {
  it.each([
    ["hourly", "P1095D", null],
    ["hourly", "P1096D", "whole days, P1D to P1095D"],
    ["hourly_annual", "P12M", "whole days"],
    ["usage", "P30D", null],
    ["saas_subscription", "P1095D", null],
    ["saas_contract", "P60M", null],
    ["saas_contract", "P1M", null],
    ["saas_contract", "P365D", "whole months, P1M to P60M"],
  ] as const)("%s for %s: %s", (model, value, problem) => {
    const found = agreementProblem(duration(value), model);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });

  it("lets only a contract end on a date", () => {
    expect(agreementProblem({ kind: "endDate", endDate: "2028-01-31" }, "saas_contract")).toBeNull();
    expect(agreementProblem({ kind: "endDate", endDate: "2028-01-31" }, "hourly")).toContain("not to an end date");
  });
});

describe("prices", () => {
  it("take at most 100,000,000 USD each, as the Catalog API's shapes do", () => {
    const at = offerPricingSchema.parse({ model: "saas_contract", contract: { seats: "100000000", admins: "100000000.001" } });
    expect(checkWrittenTerms({ pricing: at }, "saas_contract")).toEqual([
      { path: ["pricing", "contract", "admins"], message: "AWS Marketplace takes at most 100,000,000 USD per price" },
    ]);
  });

  it("cap every installment too", () => {
    const installments = [
      { chargeDate: "2027-02-01", amount: "100000000" },
      { chargeDate: "2027-03-01", amount: "100000000.01" },
    ];
    expect(checkWrittenTerms({ installments }, "saas_contract")).toEqual([
      { path: ["installments", 1, "amount"], message: "AWS Marketplace takes at most 100,000,000 USD per installment" },
    ]);
  });
});

describe("a refund policy", () => {
  it("takes ASCII and © ® ™ ¢ £ ¤ ¥, up to 500 characters", () => {
    expect(refundPolicyProblem("Refunds within 30 days © Acme® Cloud™, fees in £ or ¥ or ¢ ¤.\nWrite to refunds@acme.example")).toBeNull();
    expect(checkWrittenTerms({ refundPolicy: "x".repeat(500) }, "saas_contract")).toEqual([]);
  });

  it("names the characters it refuses and what to type instead", () => {
    expect(refundPolicyProblem("We refund \u201Cunused\u201D months \u2014 ask us")).toBe(
      "AWS Marketplace takes only ASCII and © ® ™ ¢ £ ¤ ¥ in a refund policy; refused: \u201C (U+201C; write \"), \u201D (U+201D; write \"), \u2014 (U+2014; write -)",
    );
    expect(refundPolicyProblem("환불 가능")).toContain("환 (U+D658)");
    expect(refundPolicyProblem("é€")).toContain("€ (U+20AC; write EUR)");
  });
});

describe("at send", () => {
  const now = new Date("2027-03-10T12:00:00Z");
  const contractProduct = productPricingSchema.parse({ model: "saas_contract", dimensions: [{ key: "seats", name: "Seats" }] });
  const complete: OfferTerms = offerTermsSchema.parse({
    name: "Acme",
    description: "Internal",
    buyerAccounts: ["012345678901"],
    pricing: { model: "saas_contract", contract: { seats: "1200.5" } },
    eulaSha256: "a".repeat(64),
    agreement: duration("P36M"),
    acceptanceDeadline: "2027-03-31",
    refundPolicy: "Write to refunds@example.com.",
  });
  const check = (terms: Partial<OfferTerms>, productPricing = contractProduct) => checkSendable({ terms, productPricing, eulaAvailable: true, now });

  it("refuses a contract that ends on a date without a payment schedule: its rate card is chosen by duration", () => {
    expect(check({ ...complete, agreement: { kind: "endDate", endDate: "2028-03-31" } })).toEqual([
      {
        path: ["agreement", "endDate"],
        message: "A contract without a payment schedule runs whole months (P1M to P60M); to end on a date, pay in installments",
      },
    ]);
  });

  it("sends a contract that ends on a date with granted quantities and a schedule", () => {
    const scheduled = {
      ...complete,
      pricing: { model: "saas_contract" as const, contract: { seats: "0" }, quantities: { seats: 250 } },
      agreement: { kind: "endDate" as const, endDate: "2028-03-31" },
      installments: [
        { chargeDate: "2027-03-31", amount: "30000" },
        { chargeDate: "2027-09-30", amount: "30000" },
      ],
    };
    expect(check(scheduled)).toEqual([]);
  });

  it("asks a free-priced schedule for a refund policy: the schedule moves money", () => {
    const { refundPolicy: _dropped, ...withoutRefund } = complete;
    const scheduled = {
      ...withoutRefund,
      pricing: { model: "saas_contract" as const, contract: { seats: "0" }, quantities: { seats: 1 } },
      agreement: duration("P12M"),
      installments: [{ chargeDate: "2027-04-01", amount: "10" }],
    };
    expect(check(scheduled).map((issue) => issue.path)).toEqual([["refundPolicy"]]);
  });

  it("names the product of a model that takes no private offers, and a duration in the wrong unit", () => {
    const byolProduct = productPricingSchema.parse({ model: "byol" });
    expect(check({ ...complete, pricing: { model: "byol" } }, byolProduct)).toContainEqual({ path: ["productId"], message: "AWS Marketplace takes no private offers for BYOL products" });
    expect(check({ ...complete, agreement: duration("P1095D") }).map((issue) => issue.message)).toEqual(["A contract runs whole months, P1M to P60M"]);
  });
});

describe("the acceptance deadline", () => {
  // The seller guide: "After 23:59:59 UTC on this date, the buyer won't be able to view and
  // accept this private offer"; the change set sends the same date as `AvailabilityEndDate`.
  it("is the last UTC day a buyer may accept, through 23:59:59", () => {
    expect(isAcceptable("sent", "2027-03-31", new Date("2027-03-31T23:59:59.999Z"))).toBe(true);
    expect(isAcceptable("sent", "2027-03-31", new Date("2027-04-01T00:00:00.000Z"))).toBe(false);
  });
});
