/** The complete SaaS-contract offer the benchmarks create and send, for the demo product. */
export function benchOffer(productId: string, eulaSha256: string, description: string) {
  return {
    productId,
    name: "Bench offer",
    description,
    buyerAccounts: ["012345678901", "123456789012"],
    pricing: { model: "saas_contract" as const, contract: { seats: "100.5", storage_tb: "20" } },
    eulaSha256,
    agreement: { kind: "duration" as const, duration: "P12M" },
    acceptanceDeadline: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    refundPolicy: "Ask within 30 days.",
  };
}
