import { createProductInputSchema } from "@offerkit/core";
import { anySellerExists, findApiKeyByHash, findProductByAsin, findSeller } from "@offerkit/db";
import { hashSecret } from "../auth/authenticate";
import { createSeller } from "../auth/create-seller";
import { issueApiKey } from "../auth/issue-api-key";
import type { ApiDeps } from "../deps";
import { createProduct } from "../products/create-product";
import { demoProducts } from "./demo-products";

export const DEMO_SELLER_ID = "seller-demo";

/**
 * Makes sure the "demo" seller exists, holds an admin key with the given secret and owns the
 * demo products, so a newcomer can try everything at once. Safe to run at every start.
 */
export async function ensureDemoSeller(deps: Pick<ApiDeps, "db" | "clock" | "ids">, adminSecret: string): Promise<void> {
  const existing = await findApiKeyByHash(deps.db, hashSecret(adminSecret));
  // A revoked key stays revoked: bringing it back at start would undo the revocation.
  if (existing?.revokedAt) {
    throw new Error(
      `OFFERKIT_BOOTSTRAP_KEY is a key that was revoked (${existing.revokedAt}): set OFFERKIT_BOOTSTRAP_KEY to a new secret, or unset it, and start again`,
    );
  }
  if (existing && existing.sellerId !== DEMO_SELLER_ID) {
    throw new Error(`OFFERKIT_BOOTSTRAP_KEY is a key of seller ${existing.sellerId}, not of the demo seller: set OFFERKIT_BOOTSTRAP_KEY to a new secret, or unset it, and start again`);
  }
  if (!(await findSeller(deps.db, DEMO_SELLER_ID))) {
    await createSeller(deps, { id: DEMO_SELLER_ID, name: "demo", dataSharingEnrolled: true, adminSecret });
  } else if (existing === null) {
    await issueApiKey(deps, DEMO_SELLER_ID, { name: "bootstrap admin", scopes: ["admin"], secret: adminSecret });
  }
  for (const product of demoProducts) {
    if (!(await findProductByAsin(deps.db, DEMO_SELLER_ID, product.asin))) {
      await createProduct(deps, DEMO_SELLER_ID, createProductInputSchema.parse(product));
    }
  }
}

/** On a server with no seller at all, makes one and returns its admin key, to print once. */
export async function ensureFirstSeller(deps: Pick<ApiDeps, "db" | "clock" | "ids">): Promise<string | null> {
  if (await anySellerExists(deps.db)) return null;
  const { adminKey } = await createSeller(deps, { name: "default", dataSharingEnrolled: false });
  return adminKey.secret;
}
