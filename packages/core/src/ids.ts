import { z } from "zod";
import { ASIN_PATTERN } from "./link-rules";

/** A marketplace customer account: exactly 12 digits. Kept a string: leading zeros count. */
export const accountIdSchema = z
  .string()
  .regex(/^\d{12}$/, "An account ID is exactly 12 digits, e.g. 123456789012")
  .describe("A buyer's 12-digit marketplace account ID");

/** The marketplace's 10-character product identifier. */
export const asinSchema = z
  .string()
  .regex(ASIN_PATTERN, "An ASIN is 10 upper-case letters or digits, e.g. B00635Y2IW")
  .describe("The product's 10-character marketplace identifier (ASIN)");

/** The marketplace's GUID for a product. */
export const marketplaceProductIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    "A marketplace product ID is a lower-case GUID",
  )
  .describe("The marketplace's GUID for the product");

/** The product's entity ID in the marketplace's Catalog API, which private offers are made for. */
export const catalogProductIdSchema = z
  .string()
  .regex(/^prod-[A-Za-z0-9]{4,64}$/, "A catalog product ID looks like prod-1111111111111")
  .describe("The product's entity ID in the marketplace's Catalog API (prod-...); needed to publish offers there");

/** The code stamped on the product's images, used for entitlement. */
export const productCodeSchema = z
  .string()
  .regex(/^[a-z0-9]{8,32}$/, "A product code is 8 to 32 lower-case letters or digits")
  .describe("The product code used for entitlement");

const idAlphabet = "[A-Za-z0-9_-]";

function prefixedId(prefix: string, description: string) {
  return z
    .string()
    .max(64)
    .regex(new RegExp(`^${prefix}-${idAlphabet}{10,40}$`), `Expected an ID like ${prefix}-...`)
    .describe(description);
}

export const offerIdSchema = prefixedId("offer", "An Offerkit offer ID");
export const productRefSchema = prefixedId("prod", "An Offerkit product ID");
export const agreementIdSchema = prefixedId("agmt", "An Offerkit agreement ID");
export const sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, "A SHA-256 is 64 lower-case hex digits")
  .describe("SHA-256 of a document, lower-case hex");

export const idempotencyKeySchema = z
  .string()
  .min(8, "An idempotency key has at least 8 characters")
  .max(128, "An idempotency key has at most 128 characters")
  .regex(/^[A-Za-z0-9_.:-]+$/, "An idempotency key uses letters, digits and _ . : - only")
  .describe("Send the same key when retrying: the first result is returned and nothing changes twice");

export type AccountId = z.infer<typeof accountIdSchema>;
export type Asin = z.infer<typeof asinSchema>;
