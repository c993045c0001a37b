import { OfferkitError, type createOfferInputSchema, type OfferView } from "@offerkit/core";
import { findProduct, insertOffer } from "@offerkit/db";
import type { z } from "zod";
import type { ApiDeps } from "../deps";
import { withIdempotency } from "../idempotency";
import { checkDraftReferences, checkWrittenValues, requireDataSharing, requirePrivateOfferModel } from "./draft-rules";
import { loadOffer } from "./load-offer";
import { toOfferView } from "./offer-view";

/** Starts a draft offer for one of the seller's products. Every term may still be missing. */
export async function createOffer(
  deps: ApiDeps,
  sellerId: string,
  { idempotencyKey, productId, ...terms }: z.output<typeof createOfferInputSchema>,
): Promise<OfferView> {
  const scope = { principalId: sellerId, operation: "offers.create", key: idempotencyKey, request: { productId, ...terms } };
  return withIdempotency(deps, scope, async (remember) => {
    await requireDataSharing(deps.db, sellerId);
    const product = await findProduct(deps.db, sellerId, productId);
    if (!product) throw new OfferkitError("NOT_FOUND", `No product ${productId}`, [{ path: ["productId"], message: "Unknown product" }]);
    requirePrivateOfferModel(product.pricing.model);
    checkWrittenValues(terms, product.pricing.model);
    await checkDraftReferences(deps.db, sellerId, terms);
    const now = deps.clock.now();
    const offer = {
      id: deps.ids.newId("offer"),
      sellerId,
      productId,
      terms,
      replacesOfferId: null,
      createdAt: now.toISOString(),
    };
    return deps.db.transaction().execute(async (trx) => {
      await insertOffer(trx, offer);
      const view = await toOfferView(trx, await loadOffer(trx, sellerId, offer.id), now);
      await remember(trx, view);
      return view;
    });
  });
}
