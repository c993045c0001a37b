import { endOfUtcDay, type MarketplaceAgreement, type MarketplacePublisher } from "@offerkit/core";
import type { OfferRecord, PublicationAgreement, PublicationUpdate } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import type { FollowTimings } from "./follow-timings";
import { recordMarketplaceAgreements } from "./record-marketplace-agreements";

const later = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

function toPublicationAgreement(agreement: MarketplaceAgreement): PublicationAgreement {
  return {
    id: agreement.id,
    buyerAccount: agreement.buyerAccount,
    acceptedAt: agreement.acceptedAt.toISOString(),
    startsAt: agreement.startsAt.toISOString(),
    endsAt: agreement.endsAt?.toISOString() ?? null,
  };
}

/**
 * One look at a published offer's agreements: records the new ones and the ones that stopped,
 * and says when to look again. While buyers can still accept the offer (until its deadline,
 * and a grace for the marketplace's late reports) that is soon; after, only while an agreement
 * of it still runs, and slowly, to see it cancelled or ended; then never. The publication keeps
 * the earliest agreement, which the offer's view shows.
 */
export async function followAgreements(
  deps: Pick<ApiDeps, "db" | "ids">,
  publisher: MarketplacePublisher,
  publication: { marketplaceOfferId: string; agreement: PublicationAgreement | null },
  offer: OfferRecord,
  timings: FollowTimings,
  now: Date,
): Promise<Omit<PublicationUpdate, "at">> {
  const agreements = await publisher.listAgreements(publication.marketplaceOfferId);
  const { running } = await recordMarketplaceAgreements(deps, offer, agreements, now);

  const deadline = offer.terms.acceptanceDeadline;
  const acceptable = deadline !== undefined && now.getTime() < endOfUtcDay(deadline).getTime() + timings.agreementGraceMs;
  const nextCheckAt = acceptable ? later(now, timings.agreementPollMs) : running ? later(now, timings.agreementStatusPollMs) : null;

  const [first] = [...agreements].sort((a, b) => a.acceptedAt.getTime() - b.acceptedAt.getTime());
  const agreement = publication.agreement === null && first ? { agreement: toPublicationAgreement(first) } : {};
  return { ...agreement, nextCheckAt, failuresInARow: 0 };
}
