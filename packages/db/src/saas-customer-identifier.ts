import { createHash } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** The SaaS models: their subscriptions name the customer by a customer identifier, as the marketplace's do. */
export function isSaasModel(model: string): boolean {
  return model === "saas_subscription" || model === "saas_contract";
}

/**
 * The SaaS customer identifier of an account on a product: 13 letters and digits, one per
 * customer and product (a second subscription of the same account keeps it), as the
 * marketplace's ResolveCustomer answers one. Derived, so it never changes.
 */
export function saasCustomerIdentifier(productId: string, account: string): string {
  const digest = createHash("sha256").update(`offerkit saas customer:${productId}:${account}`).digest();
  return Array.from(digest.subarray(0, 13), (byte) => ALPHABET[byte % ALPHABET.length]).join("");
}
