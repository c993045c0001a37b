import { describe, expect, it } from "vitest";
import { scheduleTotal } from "./schedule-total";

const schedule = (...amounts: string[]) => amounts.map((amount, index) => ({ chargeDate: `2028-0${index + 1}-15`, amount }));

describe("scheduleTotal", () => {
  it("adds the installments up to the cent, as the server's total reads", () => {
    expect(scheduleTotal(schedule("2000.00", "3428.50"))).toBe("5428.50");
    expect(scheduleTotal(schedule("50000", "50000"))).toBe("100000.00");
    expect(scheduleTotal(schedule("0.1", "0.2"))).toBe("0.30");
  });

  it("stays exact where floats drift: 0.10 + 0.20 is 0.30, 100,000,000 x 60 keeps every cent", () => {
    expect(scheduleTotal(schedule("0.10", "0.20", "0.01"))).toBe("0.31");
    expect(scheduleTotal(Array.from({ length: 60 }, () => ({ chargeDate: "2028-01-15", amount: "99999999.99" })))).toBe("5999999999.40");
  });

  it("reads leading zeros as the server does", () => {
    expect(scheduleTotal(schedule("007.5"))).toBe("7.50");
  });

  it("shows no total while an amount is one the server will refuse", () => {
    expect(scheduleTotal(schedule("2000.00", "30,000.00"))).toBeNull();
    expect(scheduleTotal(schedule("2000.00", "3428.505"))).toBeNull();
    expect(scheduleTotal(schedule("2000.00", ""))).toBeNull();
    expect(scheduleTotal(schedule("$2000"))).toBeNull();
    expect(scheduleTotal(schedule("1e3"))).toBeNull();
  });

  it("has no total without installments", () => {
    expect(scheduleTotal([])).toBeNull();
  });
});
