import { describe, expect, it } from "vitest";
import { privateOfferModelProblem } from "./private-offer-models";

describe("privateOfferModelProblem", () => {
  it("says why BYOL, monthly and free products take no private offer, in the API's words", () => {
    expect(privateOfferModelProblem("byol")).toBe("AWS Marketplace takes no private offers for BYOL products");
    expect(privateOfferModelProblem("monthly")).toBe("AWS Marketplace takes no private offers for monthly billing products");
    expect(privateOfferModelProblem("free")).toBe("A free product has no price to negotiate: AWS Marketplace takes no private offers for it");
  });

  it("lets every other model have private offers", () => {
    for (const model of ["hourly", "hourly_annual", "usage", "saas_subscription", "saas_contract"] as const) {
      expect(privateOfferModelProblem(model)).toBeNull();
    }
  });
});
