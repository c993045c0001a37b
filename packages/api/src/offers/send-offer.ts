import { OfferkitError, canonicalTerms, checkSendable, completeTerms, type OfferView } from "@offerkit/core";
import { findEulaDocument, findProduct, markOfferSent } from "@offerkit/db";
import { inspectEula } from "@offerkit/eula";
import type { ApiDeps } from "../deps";
import { sha256Hex } from "../hashing";
import { withIdempotency } from "../idempotency";
import { startPublication } from "../publishing/start-publication";
import { requireDataSharing } from "./draft-rules";
import { explainRefusedWrite, loadOffer, offerImmutable } from "./load-offer";
import { toOfferView } from "./offer-view";
import { recordWebhookEvent } from "../webhooks/record-event";

/**
 * Sends a draft: checks every rule once more by the server's clock, then freezes the very
 * version it checked. An edit or another send that slips in between makes the freeze touch no
 * row, and this request is refused cleanly; the database trigger guards the rest.
 */
export async function sendOffer(
  deps: ApiDeps,
  sellerId: string,
  { offerId, idempotencyKey }: { offerId: string; idempotencyKey?: string | undefined },
): Promise<OfferView> {
  const scope = { principalId: sellerId, operation: "offers.send", key: idempotencyKey, request: { offerId } };
  return withIdempotency(deps, scope, async (remember) => {
    const offer = await loadOffer(deps.db, sellerId, offerId);
    if (offer.status !== "draft") throw offerImmutable(offerId);
    await requireDataSharing(deps.db, sellerId);
    const product = await findProduct(deps.db, sellerId, offer.productId);
    if (!product) throw new OfferkitError("NOT_FOUND", `No product ${offer.productId}`);

    const now = deps.clock.now();
    const issues = checkSendable({
      terms: offer.terms,
      productPricing: product.pricing,
      eulaAvailable: await isEulaValid(deps, sellerId, offer.terms.eulaSha256),
      now,
    });
    const terms = completeTerms(offer.terms);
    if (issues.length > 0 || terms === null) {
      const summary = issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      throw new OfferkitError("OFFER_NOT_SENDABLE", `Offer ${offerId} cannot be sent: ${summary}`, issues);
    }

    return deps.db.transaction().execute(async (trx) => {
      const buyerUrl = `${deps.config.publicUrl}/offers/${offerId}`;
      const frozen = await markOfferSent(trx, {
        sellerId,
        id: offerId,
        version: offer.version,
        buyerUrl,
        termsSha256: sha256Hex(canonicalTerms(offer.productId, terms)),
        sentAt: now.toISOString(),
      });
      if (!frozen) throw await explainRefusedWrite(trx, sellerId, offerId);
      await startPublication(trx, deps.publisher, { id: offerId, sellerId, buyerUrl }, now.toISOString());
      const data = {
        offerId,
        productId: offer.productId,
        name: terms.name ?? null,
        buyerAccounts: terms.buyerAccounts,
        acceptanceDeadline: terms.acceptanceDeadline,
        buyerUrl,
        sentAt: now.toISOString(),
      };
      await recordWebhookEvent(trx, deps.ids, { sellerId, type: "offer.sent", data, at: now });
      const view = await toOfferView(trx, await loadOffer(trx, sellerId, offerId), now);
      await remember(trx, view);
      return view;
    });
  });
}

/** The EULA must be this seller's, still stored, and still a valid PDF. */
async function isEulaValid(deps: ApiDeps, sellerId: string, sha256: string | undefined): Promise<boolean> {
  if (sha256 === undefined || !(await findEulaDocument(deps.db, sellerId, sha256))) return false;
  const bytes = await deps.blobs.get(sha256);
  if (!bytes) return false;
  return (await inspectEula(bytes, { maxBytes: deps.config.eulaMaxBytes })).ok;
}
