import type { OfferView } from "@offerkit/sdk";
import { describe, expect, it } from "vitest";
import { acceptanceRows, acceptanceSummary } from "./acceptance-rows";

const publication: OfferView["publication"] = { state: "published", attempt: 1, marketplaceOfferId: null, buyerUrl: null, error: null, agreement: null, updatedAt: null };
const offer = {
  buyerAccounts: ["111111111111", "222222222222", "333333333333"],
  acceptances: [{ account: "222222222222", acceptedAt: "2027-01-05T10:00:00.000Z", agreementId: "agmt-aaaaaaaaaaaa" }],
  publication,
  acceptanceDeadline: "2027-01-31",
};
const before = new Date("2027-01-31T23:59:00Z");
const after = new Date("2027-02-01T00:00:00Z");

describe("acceptanceRows", () => {
  it("lists every targeted account in the offer's order, the accepted one with when and its agreement", () => {
    expect(acceptanceRows(offer, before)).toEqual([
      { account: "111111111111", state: "waiting", acceptedAt: null, agreementId: null, marketplaceAgreementId: null },
      { account: "222222222222", state: "accepted", acceptedAt: "2027-01-05T10:00:00.000Z", agreementId: "agmt-aaaaaaaaaaaa", marketplaceAgreementId: null },
      { account: "333333333333", state: "waiting", acceptedAt: null, agreementId: null, marketplaceAgreementId: null },
    ]);
  });

  it("says the others lapsed once the deadline's UTC day is over, though one accepted", () => {
    expect(acceptanceRows(offer, after).map((row) => row.state)).toEqual(["lapsed", "accepted", "lapsed"]);
  });

  it("carries the marketplace's agreement ID to the account that accepted there", () => {
    const agreement = { id: "agmt-marketplace-1", buyerAccount: "222222222222", acceptedAt: "2027-01-05T10:00:00.000Z", startsAt: null, endsAt: null };
    const rows = acceptanceRows({ ...offer, publication: { ...publication, marketplaceOfferId: "offer-abc", agreement } }, before);
    expect(rows.map((row) => row.marketplaceAgreementId)).toEqual([null, "agmt-marketplace-1", null]);
  });
});

describe("acceptanceSummary", () => {
  it("counts the accepted accounts and says whether the others still can", () => {
    expect(acceptanceSummary(acceptanceRows(offer, before), false)).toBe("1 of 3 accounts accepted; the others still can.");
    expect(acceptanceSummary(acceptanceRows(offer, after), true)).toBe("1 of 3 accounts accepted.");
    expect(acceptanceSummary(acceptanceRows({ ...offer, acceptances: [] }, before), false)).toBe("No account has accepted yet.");
    expect(acceptanceSummary(acceptanceRows({ ...offer, acceptances: [] }, after), true)).toBe("No account accepted before the deadline.");
  });

  it("speaks of the one account when there is one", () => {
    const one = { ...offer, buyerAccounts: ["222222222222"] };
    expect(acceptanceSummary(acceptanceRows(one, before), false)).toBe("The account accepted.");
    expect(acceptanceSummary(acceptanceRows({ ...one, acceptances: [] }, before), false)).toBe("The account has not accepted yet.");
  });
});
