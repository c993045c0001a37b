import { SearchAgreementsCommand, type MarketplaceAgreementClient } from "@aws-sdk/client-marketplace-agreement";
import type { MarketplaceAgreement } from "@offerkit/core";
import { z } from "zod";
import { CATALOG } from "./change-set";

const summaries = z.object({
  agreementViewSummaries: z
    .array(
      z.object({
        agreementId: z.string().min(1),
        acceptanceTime: z.date().optional(),
        startTime: z.date().optional(),
        endTime: z.date().optional(),
        acceptor: z.object({ accountId: z.string().optional() }).optional(),
        proposalSummary: z.object({ offerId: z.string().optional() }).optional(),
      }),
    )
    .default([]),
});

/**
 * The first agreement a buyer made by accepting the offer, as its proposer sees it. An
 * agreement found is an acceptance, whatever became of it later (cancelled, replaced).
 */
export async function findOfferAgreement(client: MarketplaceAgreementClient, marketplaceOfferId: string): Promise<MarketplaceAgreement | null> {
  const answer = summaries.parse(
    await client.send(
      new SearchAgreementsCommand({
        catalog: CATALOG,
        filters: [
          { name: "PartyType", values: ["Proposer"] },
          { name: "AgreementType", values: ["PurchaseAgreement"] },
          { name: "OfferId", values: [marketplaceOfferId] },
        ],
        maxResults: 50,
      }),
    ),
  );
  const accepted = answer.agreementViewSummaries
    .filter((summary) => (summary.proposalSummary?.offerId ?? marketplaceOfferId) === marketplaceOfferId)
    .map((summary) => ({ summary, acceptedAt: summary.acceptanceTime ?? summary.startTime }))
    .filter((entry): entry is { summary: typeof entry.summary; acceptedAt: Date } => entry.acceptedAt !== undefined)
    .sort((a, b) => a.acceptedAt.getTime() - b.acceptedAt.getTime());
  const first = accepted[0];
  if (!first) return null;
  return {
    id: first.summary.agreementId,
    buyerAccount: first.summary.acceptor?.accountId ?? null,
    acceptedAt: first.acceptedAt,
    startsAt: first.summary.startTime ?? null,
    endsAt: first.summary.endTime ?? null,
  };
}
