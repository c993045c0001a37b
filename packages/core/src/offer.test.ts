import { describe, expect, it } from "vitest";
import {
  agreementEnd,
  agreementTermSchema,
  canonicalTerms,
  checkSendable,
  createOfferInputSchema,
  isAcceptable,
  offerStatusAt,
  offerTermsSchema,
  updateOfferInputSchema,
  type OfferTerms,
} from "./offer";
import { productPricingSchema } from "./pricing";

const product = productPricingSchema.parse({ model: "saas_contract", dimensions: [{ key: "seats", name: "Seats" }] });
const now = new Date("2027-03-10T12:00:00Z");
const complete: OfferTerms = offerTermsSchema.parse({
  name: "Acme, 3-year deal",
  description: "Negotiated by Jane",
  buyerAccounts: ["012345678901"],
  pricing: { model: "saas_contract", contract: { seats: "1200.5" } },
  eulaSha256: "a".repeat(64),
  agreement: { kind: "duration", duration: "P36M" },
  acceptanceDeadline: "2027-03-31",
  refundPolicy: "Write to refunds@example.com within 30 days.",
});

describe("account IDs", () => {
  it("keeps leading zeros and refuses 11 or 13 digits", () => {
    const base = { productId: "prod-abcdefghij" };
    expect(createOfferInputSchema.parse({ ...base, buyerAccounts: ["000000000001"] }).buyerAccounts).toEqual(["000000000001"]);
    for (const bad of ["12345678901", "1234567890123", "12345678901a", 123456789012]) {
      expect(createOfferInputSchema.safeParse({ ...base, buyerAccounts: [bad] }).success, String(bad)).toBe(false);
    }
  });

  it("refuses repeats and more than 25 accounts", () => {
    const repeat = createOfferInputSchema.safeParse({ productId: "prod-abcdefghij", buyerAccounts: ["111111111111", "111111111111"] });
    expect(repeat.error?.issues[0]?.path).toEqual(["buyerAccounts", 1]);
    const many = Array.from({ length: 26 }, (_, i) => String(100000000000 + i));
    expect(createOfferInputSchema.safeParse({ productId: "prod-abcdefghij", buyerAccounts: many }).success).toBe(false);
  });

  it("refuses unknown fields", () => {
    const result = createOfferInputSchema.safeParse({ productId: "prod-abcdefghij", status: "sent" });
    expect(result.success).toBe(false);
  });
});

describe("agreement terms", () => {
  it("accepts days or months up to 60 months", () => {
    expect(agreementTermSchema.safeParse({ kind: "duration", duration: "P60M" }).success).toBe(true);
    expect(agreementTermSchema.safeParse({ kind: "duration", duration: "P61M" }).success).toBe(false);
    expect(agreementTermSchema.safeParse({ kind: "duration", duration: "P0D" }).success).toBe(false);
    expect(agreementTermSchema.safeParse({ kind: "duration", duration: "P1Y" }).success).toBe(false);
    expect(agreementTermSchema.safeParse({ kind: "endDate", endDate: "2027-02-30" }).success).toBe(false);
  });

  it("computes the end from the start", () => {
    const start = new Date("2027-01-31T10:00:00Z");
    expect(agreementEnd({ kind: "duration", duration: "P1M" }, start).toISOString()).toBe("2027-02-28T10:00:00.000Z");
    expect(agreementEnd({ kind: "duration", duration: "P365D" }, start).toISOString()).toBe("2028-01-31T10:00:00.000Z");
    expect(agreementEnd({ kind: "endDate", endDate: "2028-06-30" }, start).toISOString()).toBe("2028-07-01T00:00:00.000Z");
  });
});

describe("the offer state machine", () => {
  it("expires a sent offer after its deadline day, by the given clock", () => {
    expect(offerStatusAt("sent", "2027-03-31", new Date("2027-03-31T23:59:59.999Z"))).toBe("sent");
    expect(offerStatusAt("sent", "2027-03-31", new Date("2027-04-01T00:00:00Z"))).toBe("expired");
    expect(offerStatusAt("accepted", "2027-03-31", new Date("2028-01-01T00:00:00Z"))).toBe("accepted");
    expect(offerStatusAt("draft", "2020-01-01", now)).toBe("draft");
  });

  it("lets a buyer accept only a sent offer before the deadline", () => {
    expect(isAcceptable("sent", "2027-03-31", now)).toBe(true);
    expect(isAcceptable("draft", "2027-03-31", now)).toBe(false);
    expect(isAcceptable("sent", "2027-03-09", now)).toBe(false);
  });
});

describe("checkSendable", () => {
  it("passes a complete offer", () => {
    expect(checkSendable({ terms: complete, productPricing: product, eulaAvailable: true, now })).toEqual([]);
  });

  it("names every missing field of an empty draft", () => {
    const paths = checkSendable({ terms: {}, productPricing: product, eulaAvailable: false, now }).map((i) => i.path.join("."));
    expect(paths).toEqual(["name", "description", "pricing", "eulaSha256", "agreement", "acceptanceDeadline", "buyerAccounts"]);
  });

  it("refuses a past deadline, a missing EULA, a paid offer without refund policy", () => {
    const { refundPolicy: _dropped, ...withoutRefund } = complete;
    const issues = checkSendable({
      terms: { ...withoutRefund, acceptanceDeadline: "2027-03-09" },
      productPricing: product,
      eulaAvailable: false,
      now,
    });
    expect(issues.map((i) => i.path[0])).toEqual(["refundPolicy", "eulaSha256", "acceptanceDeadline"]);
  });

  it("wants the agreement end after the deadline and within 60 months", () => {
    const scheduled: OfferTerms = {
      ...complete,
      pricing: { model: "saas_contract", contract: { seats: "0" }, quantities: { seats: 100 } },
      installments: [{ chargeDate: "2027-03-20", amount: "1000" }],
    };
    const early = checkSendable({
      terms: { ...scheduled, agreement: { kind: "endDate", endDate: "2027-03-31" } },
      productPricing: product,
      eulaAvailable: true,
      now,
    });
    expect(early.map((i) => i.message)).toEqual(["The agreement must end after the acceptance deadline"]);
    const late = checkSendable({
      terms: { ...scheduled, agreement: { kind: "endDate", endDate: "2032-03-11" } },
      productPricing: product,
      eulaAvailable: true,
      now,
    });
    expect(late.map((i) => i.message)).toEqual(["An agreement runs at most 60 months"]);
  });
});

describe("canonical terms", () => {
  it("do not depend on key order", () => {
    const reordered = Object.fromEntries(Object.entries(complete).reverse()) as OfferTerms;
    expect(canonicalTerms("prod-x", reordered)).toBe(canonicalTerms("prod-x", complete));
  });
});

describe("an update's expected version", () => {
  const update = (expectedVersion: unknown) => updateOfferInputSchema.safeParse({ offerId: "offer-aaaaaaaaaaaaaaaaaaaaa", expectedVersion, patch: {} });

  it("is optional, and a whole number of at least 1 when given", () => {
    expect(update(undefined).success).toBe(true);
    expect(update(1).success).toBe(true);
    for (const bad of [0, -1, 1.5, "2", null]) {
      const parsed = update(bad);
      expect(parsed.success, String(bad)).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([["expectedVersion"]]);
    }
  });
});
