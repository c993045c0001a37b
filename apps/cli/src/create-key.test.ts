import { describe, expect, it } from "vitest";
import { canonicalJson, derivedCreateKey, freshCreateKey, sendKeyFor } from "./create-key";

const input = {
  productId: "prod-abcdefghij12",
  name: "Acme",
  pricing: { model: "saas_contract" as const, contract: { seats: "45.50", storage_tb: "120" } },
};

describe("derivedCreateKey", () => {
  it("is the same for the same terms in any order, and a valid API key", () => {
    const reordered = { pricing: { contract: { storage_tb: "120", seats: "45.50" }, model: "saas_contract" as const }, name: "Acme", productId: "prod-abcdefghij12" };
    expect(derivedCreateKey(reordered)).toBe(derivedCreateKey(input));
    expect(derivedCreateKey(input)).toMatch(/^cli-create-[0-9a-f]{64}$/);
  });

  it("changes with any term, a price as written included", () => {
    expect(derivedCreateKey({ ...input, name: "Acme " })).not.toBe(derivedCreateKey(input));
    expect(derivedCreateKey({ ...input, pricing: { model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } } })).not.toBe(derivedCreateKey(input));
  });

  it("ignores a key already in the input", () => {
    expect(derivedCreateKey({ ...input, idempotencyKey: "given-key-1" })).toBe(derivedCreateKey(input));
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and leaves out undefined fields", () => {
    expect(canonicalJson({ b: [{ d: 1, c: "x" }], a: undefined, e: null })).toBe('{"b":[{"c":"x","d":1}],"e":null}');
  });
});

describe("sendKeyFor and freshCreateKey", () => {
  it("sends one offer per create key, and --new never repeats", () => {
    expect(sendKeyFor("cli-create-1")).toBe(sendKeyFor("cli-create-1"));
    expect(sendKeyFor("cli-create-1")).not.toBe(sendKeyFor("cli-create-2"));
    expect(sendKeyFor("x".repeat(128)).length).toBeLessThanOrEqual(128);
    expect(freshCreateKey()).not.toBe(freshCreateKey());
  });
});
