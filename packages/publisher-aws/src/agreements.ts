import { DescribeAgreementCommand, SearchAgreementsCommand, type MarketplaceAgreementClient } from "@aws-sdk/client-marketplace-agreement";
import type { MarketplaceAgreement } from "@offerkit/core";
import { z } from "zod";
import { AWS_AGREEMENT_STATUSES, isRevisionStatus, toAgreementStatus } from "./agreement-status";
import { CATALOG } from "./change-set";

/** The most agreements one SearchAgreements page holds. */
const PAGE_SIZE = 50;

// As the SDK hands them over: timestamps already deserialised to Dates, any field possibly absent.
const agreementView = z.object({
  agreementId: z.string().min(1),
  acceptanceTime: z.date().nullish(),
  startTime: z.date().nullish(),
  // Null for pay-as-you-go agreements, which have no end date.
  endTime: z.date().nullish(),
  acceptor: z.object({ accountId: z.string().min(1).nullish() }).nullish(),
  proposalSummary: z.object({ offerId: z.string().nullish() }).nullish(),
  status: z.enum(AWS_AGREEMENT_STATUSES).nullish(),
});
type AgreementView = z.infer<typeof agreementView>;

const searchPage = z.object({
  agreementViewSummaries: z.array(agreementView).nullish(),
  nextToken: z.string().nullish(),
});

/**
 * Every purchase agreement made on the offer, as its proposer sees it, through every page of
 * SearchAgreements. A summary that lacks the buyer's account, a time or the status is completed
 * with DescribeAgreement; the search usually holds all of them, so that call is rare.
 */
export async function listOfferAgreements(client: MarketplaceAgreementClient, marketplaceOfferId: string): Promise<MarketplaceAgreement[]> {
  const views = new Map<string, AgreementView>();
  const tokensSeen = new Set<string>();
  let nextToken: string | undefined;
  do {
    const page = searchPage.parse(
      await client.send(
        new SearchAgreementsCommand({
          catalog: CATALOG,
          filters: [
            { name: "PartyType", values: ["Proposer"] },
            { name: "AgreementType", values: ["PurchaseAgreement"] },
            { name: "OfferId", values: [marketplaceOfferId] },
          ],
          maxResults: PAGE_SIZE,
          ...(nextToken === undefined ? {} : { nextToken }),
        }),
      ),
    );
    for (const view of page.agreementViewSummaries ?? []) {
      if ((view.proposalSummary?.offerId ?? marketplaceOfferId) !== marketplaceOfferId) continue;
      const known = views.get(view.agreementId);
      // An old revision listed beside the agreement's current view must not stand for it.
      if (!known || (known.status && isRevisionStatus(known.status))) views.set(view.agreementId, view);
    }
    nextToken = page.nextToken ?? undefined;
    if (nextToken !== undefined) {
      if (tokensSeen.has(nextToken)) throw new Error(`SearchAgreements for offer ${marketplaceOfferId} answered the same nextToken twice`);
      tokensSeen.add(nextToken);
    }
  } while (nextToken !== undefined);

  const agreements: MarketplaceAgreement[] = [];
  for (const view of views.values()) {
    agreements.push(fromSummary(view) ?? (await describe(client, view.agreementId)));
  }
  return agreements;
}

/** The agreement as the search summary gives it, or null when the summary lacks a field. */
function fromSummary(view: AgreementView): MarketplaceAgreement | null {
  const { acceptor, acceptanceTime, startTime, status } = view;
  if (!acceptor?.accountId || !acceptanceTime || !startTime || !status) return null;
  return {
    id: view.agreementId,
    buyerAccount: acceptor.accountId,
    status: toAgreementStatus(status),
    acceptedAt: acceptanceTime,
    startsAt: startTime,
    endsAt: view.endTime ?? null,
  };
}

async function describe(client: MarketplaceAgreementClient, agreementId: string): Promise<MarketplaceAgreement> {
  const view = agreementView.parse(await client.send(new DescribeAgreementCommand({ agreementId })));
  const buyerAccount = view.acceptor?.accountId;
  // AWS: the acceptance time is "when the offer was accepted or the agreement was created"; the
  // start differs only for an agreement dated to start later. Either stands in for the other.
  const acceptedAt = view.acceptanceTime ?? view.startTime;
  const startsAt = view.startTime ?? view.acceptanceTime;
  if (!buyerAccount || !acceptedAt || !startsAt || !view.status) {
    throw new Error(`AWS describes agreement ${agreementId} without its acceptor's account, its acceptance time or its status`);
  }
  return { id: agreementId, buyerAccount, status: toAgreementStatus(view.status), acceptedAt, startsAt, endsAt: view.endTime ?? null };
}
