import { completeTerms, errorMessage, PublisherError, type MarketplacePublisher, type PublicationError, type PublishRequest } from "@offerkit/core";
import { findOffer, findProduct, updatePublication, type PublicationRecord, type PublicationUpdate } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { termsAreIntact } from "../intact-terms";
import { followAgreements } from "./follow-agreements";
import type { FollowTimings } from "./follow-timings";
import { recordPublicationEvent } from "../webhooks/publication-events";

type Step = Omit<PublicationUpdate, "at">;

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** A refusal the seller must act on: the publication fails at once, with the reason. */
function failed(message: string, details: PublicationError["details"] = []): Step {
  return { state: "failed", error: { message, details }, nextCheckAt: null, failuresInARow: 0 };
}

/**
 * One look at one publication: start it, follow its change set, or follow the agreements
 * buyers made on it, by what is known so far. Every outcome is written with the attempt it
 * belongs to, so the answer to a replaced attempt never lands on the new one. An error while
 * following agreements is handed to `report`: the publication itself succeeded and stays so.
 */
export async function followPublication(
  deps: ApiDeps,
  publisher: MarketplacePublisher,
  publication: PublicationRecord,
  timings: FollowTimings,
  report: (error: unknown) => void = () => undefined,
): Promise<void> {
  const now = deps.clock.now();
  let step: Step;
  try {
    step = await nextStep(deps, publisher, publication, timings, now);
  } catch (error) {
    if (publication.state === "published") report(error);
    step = afterError(publisher, publication, timings, now, error);
  }
  await deps.db.transaction().execute(async (trx) => {
    const written = await updatePublication(trx, publication.offerId, publication.attempt, { ...step, at: now.toISOString() });
    if (written) await recordPublicationEvent(trx, deps.ids, publication, step, now);
  });
}

async function nextStep(
  deps: ApiDeps,
  publisher: MarketplacePublisher,
  publication: PublicationRecord,
  timings: FollowTimings,
  now: Date,
): Promise<Step> {
  const offer = await findOffer(deps.db, publication.sellerId, publication.offerId);
  const product = offer ? await findProduct(deps.db, offer.sellerId, offer.productId) : null;
  if (!offer || !product) return failed(`Offer ${publication.offerId} or its product is no longer stored`);
  if (!termsAreIntact(offer)) return failed(`Offer ${offer.id}'s stored terms do not match the hash fixed when it was sent; it is not published`);

  if (publication.state === "publishing" && publication.changeSetId === null) {
    const request = await publishRequest(deps, publication, offer.terms, product);
    if (typeof request === "string") return failed(request);
    const { changeSetId } = await publisher.publish(request);
    return { changeSetId, nextCheckAt: later(now, timings.changeSetPollMs), failuresInARow: 0 };
  }

  if (publication.state === "publishing" && publication.changeSetId !== null) {
    const outcome = await publisher.follow({ changeSetId: publication.changeSetId, marketplaceProductId: product.marketplaceProductId });
    if (outcome.status === "in_progress") return { nextCheckAt: later(now, timings.changeSetPollMs), failuresInARow: 0 };
    if (outcome.status === "failed") return { state: "failed", error: outcome.error, nextCheckAt: null, failuresInARow: 0 };
    return {
      state: "published",
      marketplaceOfferId: outcome.marketplaceOfferId,
      buyerUrl: outcome.buyerUrl,
      nextCheckAt: now.toISOString(),
      failuresInARow: 0,
    };
  }

  if (publication.state === "published" && publication.marketplaceOfferId !== null) {
    return followAgreements(deps, publisher, { marketplaceOfferId: publication.marketplaceOfferId, agreement: publication.agreement }, offer, timings, now);
  }
  return { nextCheckAt: null };
}

/** Everything a publisher needs, or the reason it cannot be published. */
async function publishRequest(
  deps: ApiDeps,
  publication: PublicationRecord,
  draft: Parameters<typeof completeTerms>[0],
  product: { id: string; catalogProductId?: string | undefined; marketplaceProductId: string },
): Promise<PublishRequest | string> {
  const terms = completeTerms(draft);
  if (!terms) return `Sent offer ${publication.offerId} is missing part of its terms`;
  const bytes = await deps.blobs.get(terms.eulaSha256);
  if (!bytes) return `The EULA ${terms.eulaSha256} of offer ${publication.offerId} is no longer stored`;
  return {
    offerId: publication.offerId,
    attempt: publication.attempt,
    attemptStartedAt: new Date(publication.attemptStartedAt),
    product: { id: product.id, catalogProductId: product.catalogProductId ?? null, marketplaceProductId: product.marketplaceProductId },
    terms,
    eula: { sha256: terms.eulaSha256, bytes },
  };
}

/**
 * While publishing, a refused request fails the publication with the marketplace's reasons;
 * anything else (throttling, the network, an outage) is tried again later, waiting longer each
 * time, until so many errors in a row that the seller should know. Once published, nothing the
 * agreements' side meets unpublishes the offer: it is tried again later, however long it takes
 * (a refusal too: credentials or permissions can be fixed).
 */
function afterError(publisher: MarketplacePublisher, publication: PublicationRecord, timings: FollowTimings, now: Date, error: unknown): Step {
  const failures = publication.failuresInARow + 1;
  const wait = Math.min(timings.retryBaseMs * 2 ** (failures - 1), timings.retryMaxMs);
  if (publication.state === "published") return { nextCheckAt: later(now, wait), failuresInARow: failures };
  const message = errorMessage(error);
  const details = error instanceof PublisherError ? error.details : [];
  if (error instanceof PublisherError && !error.retryable) return failed(message, details);
  if (failures >= timings.maxFailuresInARow) {
    return failed(`Gave up after ${failures} errors in a row from the ${publisher.name} marketplace; the last: ${message}`, details);
  }
  return { nextCheckAt: later(now, wait), failuresInARow: failures };
}
