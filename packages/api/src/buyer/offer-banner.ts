import { isAcceptable, type OfferBanner } from "@offerkit/core";
import { findAgreement, findProductByAsin, listOffersForBuyer } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import type { BuyerPrincipal } from "../auth/principal";
import { assertTermsIntact } from "../intact-terms";

/** Whether the product page should show "you have a private offer" to this account. */
export async function getOfferBanner(deps: Pick<ApiDeps, "db" | "clock">, buyer: BuyerPrincipal, asin: string): Promise<OfferBanner> {
  const product = await findProductByAsin(deps.db, buyer.sellerId, asin);
  if (!product) return { hasPrivateOffer: false, offerIds: [], buyerUrl: null };
  const now = deps.clock.now();
  const offers = await listOffersForBuyer(deps.db, buyer.sellerId, buyer.account, { after: null, limit: 100, productId: product.id });
  const open = [];
  for (const offer of offers) {
    if (!isAcceptable(offer.status, offer.terms.acceptanceDeadline ?? null, now)) continue;
    if (await findAgreement(deps.db, offer.id, buyer.account)) continue;
    assertTermsIntact(offer);
    open.push(offer);
  }
  // ISO dates compare as strings; an acceptable offer always has a deadline.
  const soonest = open.toSorted((a, b) => (a.terms.acceptanceDeadline ?? "").localeCompare(b.terms.acceptanceDeadline ?? ""))[0];
  return { hasPrivateOffer: open.length > 0, offerIds: open.map((offer) => offer.id), buyerUrl: soonest?.buyerUrl ?? null };
}
