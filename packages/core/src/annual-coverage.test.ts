import { describe, expect, it } from "vitest";
import { annualCover, hourlyAnnualCharge, type AnnualHolding } from "./annual-coverage";
import { fromUnits } from "./money";

const publicAnnual = (quantity: number, startsAt = "2027-03-01T00:00:00.000Z", endsAt: string | null = null): AnnualHolding => ({
  pricing: { model: "hourly_annual", hourly: { "m5.large": "0.096", "c5.xlarge": "0.17" }, annual: { "m5.large": "600" } },
  quantity,
  startsAt,
  endsAt,
});
const hour = (h: number, day = "2027-03-10") => `${day}T${String(h).padStart(2, "0")}:00:00.000Z`;

describe("hourly + annual charges", () => {
  it("covers instance hours up to the annual subscriptions held per type, and charges only the rest", () => {
    const usage = [
      { hour: hour(0), quantity: 3 },
      { hour: hour(1), quantity: 2 },
      { hour: hour(2), quantity: 5 },
    ];
    // Two annual m5.large subscriptions: 1 + 0 + 3 instance hours charged at 0.096.
    const { charge, covered } = hourlyAnnualCharge(usage, "0.096", [publicAnnual(2)], "m5.large");
    expect([fromUnits(charge, 2), covered]).toEqual(["0.384", 6]);
    // Two purchases add up; a type without an annual price is charged in full.
    expect(fromUnits(hourlyAnnualCharge(usage, "0.096", [publicAnnual(2), publicAnnual(3)], "m5.large").charge, 2)).toBe("0.00");
    expect(hourlyAnnualCharge(usage, "0.17", [publicAnnual(2)], "c5.xlarge")).toEqual({ charge: 10n * 17_000_000n, covered: 0 });
  });

  it("covers a year from the purchase, or until the subscription ends; installments grant for the whole agreement", () => {
    const holding = publicAnnual(1, "2026-03-10T01:00:00.000Z");
    expect(annualCover(holding, "m5.large")).toEqual({ instances: 1, from: "2026-03-10T01:00:00.000Z", until: "2027-03-10T01:00:00.000Z" });
    const usage = [0, 1, 2].map((h) => ({ hour: hour(h), quantity: 1 }));
    expect(hourlyAnnualCharge(usage, "0.096", [holding], "m5.large").covered).toBe(1);
    expect(annualCover(publicAnnual(1, "2027-03-01T00:00:00.000Z", "2027-03-10T02:00:00.000Z"), "m5.large")?.until).toBe("2027-03-10T02:00:00.000Z");
    const installments: AnnualHolding = {
      pricing: { model: "hourly_annual", hourly: { "m5.large": "0.096" }, annual: { "m5.large": "0" }, annualQuantities: { "m5.large": 4 } },
      quantity: 1,
      startsAt: "2026-01-01T00:00:00.000Z",
      endsAt: "2028-12-31T00:00:00.000Z",
    };
    expect(annualCover(installments, "m5.large")).toEqual({ instances: 4, from: "2026-01-01T00:00:00.000Z", until: "2028-12-31T00:00:00.000Z" });
    expect(annualCover({ ...installments, pricing: { model: "hourly", hourly: { "m5.large": "0.096" } } }, "m5.large")).toBeNull();
  });
});
