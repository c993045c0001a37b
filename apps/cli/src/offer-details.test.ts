import type { OfferView, Product } from "@offerkit/sdk";
import { describe, expect, it } from "vitest";
import { describeAgreement, offerDetails, pricingLines, problemLines, publicationLines } from "./offer-details";

const draft: OfferView = {
  id: "offer-abcdefghij12",
  status: "draft",
  productId: "prod-abcdefghij12",
  name: null,
  description: null,
  buyerAccounts: [],
  pricing: null,
  eula: null,
  agreement: null,
  acceptanceDeadline: null,
  refundPolicy: null,
  installments: null,
  installmentsTotal: null,
  problems: [],
  replacesOfferId: null,
  buyerUrl: null,
  termsSha256: null,
  version: 1,
  createdAt: "2027-01-01T00:00:00.000Z",
  updatedAt: "2027-01-01T00:00:00.000Z",
  sentAt: null,
  acceptedAt: null,
  acceptances: [],
  publication: { state: "not_published", attempt: 0, marketplaceOfferId: null, buyerUrl: null, error: null, agreement: null, updatedAt: null },
};

const product: Product = {
  id: "prod-abcdefghij12",
  asin: "B00635Y2IW",
  marketplaceProductId: "00000000-0000-4000-8000-000000000001",
  productCode: "demoproduct01",
  supportConnection: false,
  title: "Demo Analytics",
  description: "A demo product",
  highlights: [],
  keywords: [],
  categories: [],
  pricing: { model: "saas_contract", dimensions: [{ key: "seats", name: "Seats" }] },
  createdAt: "2027-01-01T00:00:00.000Z",
  updatedAt: "2027-01-01T00:00:00.000Z",
};

describe("pricingLines", () => {
  it("puts each price on its own line with the model's unit", () => {
    expect(pricingLines({ model: "hourly_annual", hourly: { "c5.large": "0.1" }, annual: { "c5.large": "800" } })).toEqual([
      ["Pricing", "hourly_annual, in USD"],
      ["  c5.large", "$0.10 per hour"],
      ["  c5.large", "$800.00 per year"],
    ]);
    expect(pricingLines({ model: "monthly", monthlyFee: "99" })).toEqual([["Pricing", "monthly, in USD"], ["  monthly fee", "$99.00 per month"]]);
    expect(pricingLines({ model: "free" })).toEqual([["Pricing", "free"]]);
    expect(pricingLines(null)).toEqual([["Pricing", ""]]);
  });

  it("says how many units a payment schedule grants each dimension, at its upfront price", () => {
    expect(pricingLines({ model: "saas_contract", contract: { seats: "0", storage_tb: "0" }, quantities: { seats: 100 } })).toEqual([
      ["Pricing", "saas_contract, in USD"],
      ["  seats", "100 units for the term, $0.00 each upfront"],
      ["  storage_tb", "$0.00 per unit for the term"],
    ]);
    expect(pricingLines({ model: "hourly_annual", hourly: { "c5.large": "0.1" }, annual: { "c5.large": "0" }, annualQuantities: { "c5.large": 3 } })).toEqual([
      ["Pricing", "hourly_annual, in USD"],
      ["  c5.large", "$0.10 per hour"],
      ["  c5.large", "3 on the annual term, $0.00 each upfront"],
    ]);
  });
});

describe("describeAgreement", () => {
  it("spells out durations and end dates", () => {
    expect(describeAgreement({ kind: "duration", duration: "P36M" })).toBe("36 months (P36M)");
    expect(describeAgreement({ kind: "duration", duration: "P1D" })).toBe("1 day (P1D)");
    expect(describeAgreement({ kind: "endDate", endDate: "2029-01-31" })).toBe("until 2029-01-31");
    expect(describeAgreement(null)).toBe("");
  });
});

describe("offerDetails", () => {
  it("shows a bare draft with empty terms and no sent-only lines", () => {
    const keys = offerDetails(draft, undefined).map(([key]) => key);
    expect(keys).toContain("Buyer URL");
    expect(keys).not.toContain("Sent");
    expect(keys).not.toContain("Replaces");
    expect(new Map(offerDetails({ ...draft, version: 3 }, undefined)).get("Version")).toBe("3");
  });

  it("shows a payment schedule one installment per line, then its total", () => {
    const withSchedule: OfferView = {
      ...draft,
      installments: [
        { chargeDate: "2027-02-01", amount: "500" },
        { chargeDate: "2027-08-01", amount: "500.5" },
      ],
      installmentsTotal: "1000.50",
    };
    expect(offerDetails(withSchedule, undefined).filter(([key]) => key.startsWith("Installment"))).toEqual([
      ["Installment 1", "2027-02-01  $500.00"],
      ["Installment 2", "2027-08-01  $500.50"],
      ["Installments total", "$1,000.50 USD"],
    ]);
  });

  it("says the deadline runs through the day's last second in UTC", () => {
    expect(new Map(offerDetails({ ...draft, acceptanceDeadline: "2027-03-31" }, undefined)).get("Deadline")).toBe("2027-03-31 (buyers may accept until 23:59:59 UTC)");
  });

  it("ends a draft with what stops it from being sent", () => {
    const pairs = offerDetails({ ...draft, problems: [{ path: ["eulaSha256"], message: "A EULA PDF is required" }] }, undefined);
    expect(pairs.at(-1)).toEqual(["Problem", "eulaSha256: A EULA PDF is required"]);
  });

  it("shows a sent copy's product, EULA, buyer URL and the offer it replaces", () => {
    const sent: OfferView = {
      ...draft,
      status: "sent",
      eula: { sha256: "b".repeat(64), fileName: "eula.pdf", size: 1520, pageCount: 1, uploadedAt: "2027-01-01T00:00:00.000Z" },
      buyerUrl: "http://localhost:3000/offers/offer-abcdefghij12",
      replacesOfferId: "offer-zyxwvutsrq98",
      sentAt: "2027-01-02T00:00:00.000Z",
    };
    const details = new Map(offerDetails(sent, product));
    expect(details.get("Product")).toBe("B00635Y2IW Demo Analytics");
    expect(details.get("EULA")).toBe("eula.pdf, 1 page, 1520 bytes");
    expect(details.get("EULA sha256")).toBe("b".repeat(64));
    expect(details.get("Buyer URL")).toBe("http://localhost:3000/offers/offer-abcdefghij12");
    expect(details.get("Replaces")).toBe("offer-zyxwvutsrq98");
    expect(details.get("Sent")).toBe("2027-01-02T00:00:00.000Z");
  });
});

describe("problemLines", () => {
  it("gives each problem of a draft its own line, with the field's path as an offer file writes it", () => {
    const problems = [
      { path: ["pricing", "quantities", "seats"], message: "With a payment schedule, say how many of seats the buyer gets for the term" },
      { path: ["installments", 1, "chargeDate"], message: "2027-01-01 has passed (today is 2027-01-02 UTC)" },
      { path: [], message: "Something about the whole offer" },
    ];
    expect(problemLines({ status: "draft", problems })).toEqual([
      ["Problem", "pricing.quantities.seats: With a payment schedule, say how many of seats the buyer gets for the term"],
      ["Problem", "installments.1.chargeDate: 2027-01-01 has passed (today is 2027-01-02 UTC)"],
      ["Problem", "Something about the whole offer"],
    ]);
  });

  it("says a draft without problems can be sent, and nothing for a sent offer", () => {
    expect(problemLines({ status: "draft", problems: [] })).toEqual([["Problems", "none: it can be sent"]]);
    expect(problemLines({ status: "sent", problems: [] })).toEqual([]);
  });
});

describe("publicationLines", () => {
  const sentAt = { ...draft, status: "sent" as const, buyerUrl: "http://localhost:3000/offers/offer-abcdefghij12" };

  it("says a draft is not published", () => {
    expect(publicationLines(draft)).toEqual([["Publication", "not published"]]);
  });

  it("shows a locally published offer without repeating its buyer URL", () => {
    const local = { ...sentAt, publication: { ...draft.publication, state: "published" as const, attempt: 1, buyerUrl: sentAt.buyerUrl } };
    expect(publicationLines(local)).toEqual([["Publication", "published"]]);
  });

  it("shows a failed attempt with each of the marketplace's reasons", () => {
    const failed: OfferView = {
      ...sentAt,
      publication: {
        ...draft.publication,
        state: "failed",
        attempt: 2,
        error: { message: "The change set failed", details: [{ code: "INVALID_INPUT", message: "The EULA cannot be reached" }] },
      },
    };
    expect(publicationLines(failed)).toEqual([
      ["Publication", "failed (attempt 2)"],
      ["Publication error", "The change set failed"],
      ["  INVALID_INPUT", "The EULA cannot be reached"],
      ["To fix", "a sent offer never changes: offerkit offers copy offer-abcdefghij12, fix the fields named above in the copy, and send it"],
    ]);
  });

  it("names the field each of the marketplace's reasons is about", () => {
    const failed: OfferView = {
      ...sentAt,
      publication: {
        ...draft.publication,
        state: "failed",
        attempt: 1,
        error: {
          message: "AWS Marketplace refused the change set",
          details: [
            { code: "INCOMPATIBLE_INPUT", message: "RefundPolicy has a character outside the allowed set", field: "refundPolicy" },
            { code: "INVALID_INPUT", message: "Another change set is in progress" },
          ],
        },
      },
    };
    expect(publicationLines(failed).slice(1, 4)).toEqual([
      ["Publication error", "AWS Marketplace refused the change set"],
      ["  INCOMPATIBLE_INPUT", "refundPolicy: RefundPolicy has a character outside the allowed set"],
      ["  INVALID_INPUT", "Another change set is in progress"],
    ]);
  });

  it("shows the marketplace's offer, its URL and the buyer's agreement there", () => {
    const accepted: OfferView = {
      ...sentAt,
      status: "accepted",
      publication: {
        ...draft.publication,
        state: "published",
        attempt: 1,
        marketplaceOfferId: "offer-mkt0001",
        buyerUrl: "https://aws.amazon.com/marketplace/procurement?productId=p&offerId=offer-mkt0001",
        agreement: { id: "agmt-1", buyerAccount: "012345678901", acceptedAt: "2027-01-03T00:00:00.000Z", startsAt: "2027-01-03T00:00:00.000Z", endsAt: "2028-01-03T00:00:00.000Z" },
      },
    };
    const details = new Map(offerDetails(accepted, product));
    expect(details.get("Publication")).toBe("published");
    expect(details.get("Marketplace offer")).toBe("offer-mkt0001");
    expect(details.get("Marketplace URL")).toBe("https://aws.amazon.com/marketplace/procurement?productId=p&offerId=offer-mkt0001");
    expect(details.get("Marketplace agreement")).toBe("agmt-1, accepted 2027-01-03T00:00:00.000Z, runs 2027-01-03T00:00:00.000Z to 2028-01-03T00:00:00.000Z");
  });
});
