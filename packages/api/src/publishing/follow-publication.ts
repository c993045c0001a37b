import { completeTerms, endOfUtcDay, errorMessage, PublisherError, type MarketplacePublisher, type PublicationError, type PublishRequest } from "@offerkit/core";
import { findOffer, findProduct, markOfferAccepted, updatePublication, type PublicationRecord, type PublicationUpdate } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { termsAreIntact } from "../intact-terms";

/** How often and how long the follower looks at a publication. */
export interface FollowTimings {
  /** Between two looks at a change set being processed (the marketplace takes minutes). */
  changeSetPollMs: number;
  /** Between two searches for an agreement on a published offer. */
  agreementPollMs: number;
  /** The first wait after a retryable error; it doubles with each error in a row. */
  retryBaseMs: number;
  /** The longest wait after a retryable error. */
  retryMaxMs: number;
  /** Retryable errors in a row after which the publication is reported failed. */
  maxFailuresInARow: number;
  /** How long after the acceptance deadline an agreement is still looked for (the marketplace reports late). */
  agreementGraceMs: number;
}

export const defaultFollowTimings: FollowTimings = {
  changeSetPollMs: 60_000,
  agreementPollMs: 5 * 60_000,
  retryBaseMs: 30_000,
  retryMaxMs: 30 * 60_000,
  maxFailuresInARow: 8,
  agreementGraceMs: 24 * 60 * 60_000,
};

type Step = Omit<PublicationUpdate, "at">;

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/** A refusal the seller must act on: the publication fails at once, with the reason. */
function failed(message: string, details: PublicationError["details"] = []): Step {
  return { state: "failed", error: { message, details }, nextCheckAt: null, failuresInARow: 0 };
}

/**
 * One look at one publication: start it, follow its change set, or look for the buyer's
 * agreement, by what is known so far. Every outcome is written with the attempt it belongs
 * to, so the answer to a replaced attempt never lands on the new one.
 */
export async function followPublication(
  deps: ApiDeps,
  publisher: MarketplacePublisher,
  publication: PublicationRecord,
  timings: FollowTimings,
): Promise<void> {
  const now = deps.clock.now();
  let step: Step;
  try {
    step = await nextStep(deps, publisher, publication, timings, now);
  } catch (error) {
    step = afterError(publisher, publication, timings, now, error);
  }
  const update = { ...step, at: now.toISOString() };
  if (update.agreement !== undefined) {
    const acceptedAt = update.agreement.acceptedAt;
    await deps.db.transaction().execute(async (trx) => {
      if (await updatePublication(trx, publication.offerId, publication.attempt, update)) {
        await markOfferAccepted(trx, publication.offerId, acceptedAt);
      }
    });
    return;
  }
  await updatePublication(deps.db, publication.offerId, publication.attempt, update);
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

  if (publication.state === "published" && publication.marketplaceOfferId !== null && publication.agreement === null) {
    const deadline = offer.terms.acceptanceDeadline;
    const agreement = await publisher.findAgreement(publication.marketplaceOfferId);
    if (agreement) {
      return {
        agreement: {
          id: agreement.id,
          buyerAccount: agreement.buyerAccount,
          acceptedAt: agreement.acceptedAt.toISOString(),
          startsAt: agreement.startsAt?.toISOString() ?? null,
          endsAt: agreement.endsAt?.toISOString() ?? null,
        },
        nextCheckAt: null,
        failuresInARow: 0,
      };
    }
    // Past the deadline no buyer can accept any more: stop looking once a late report had time to arrive.
    const stillAcceptable = deadline !== undefined && now.getTime() < endOfUtcDay(deadline).getTime() + timings.agreementGraceMs;
    return { nextCheckAt: stillAcceptable ? later(now, timings.agreementPollMs) : null, failuresInARow: 0 };
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
 * A refused request fails the publication with the marketplace's reasons. Anything else
 * (throttling, the network, an outage) is tried again later, waiting longer each time, until
 * so many errors in a row that the seller should know.
 */
function afterError(publisher: MarketplacePublisher, publication: PublicationRecord, timings: FollowTimings, now: Date, error: unknown): Step {
  const message = errorMessage(error);
  const details = error instanceof PublisherError ? error.details : [];
  if (error instanceof PublisherError && !error.retryable) return failed(message, details);
  const failures = publication.failuresInARow + 1;
  if (failures >= timings.maxFailuresInARow) {
    return failed(`Gave up after ${failures} errors in a row from the ${publisher.name} marketplace; the last: ${message}`, details);
  }
  const wait = Math.min(timings.retryBaseMs * 2 ** (failures - 1), timings.retryMaxMs);
  return { nextCheckAt: later(now, wait), failuresInARow: failures };
}
