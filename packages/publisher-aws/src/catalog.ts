import { DescribeChangeSetCommand, StartChangeSetCommand, type MarketplaceCatalogClient } from "@aws-sdk/client-marketplace-catalog";
import type { PublicationOutcome } from "@offerkit/core";
import { z } from "zod";
import { offerFieldOf } from "./change-fields";
import { CATALOG, CREATE_OFFER_CHANGE, type OfferChange } from "./change-set";

/** Starts the change set; a request with a token the marketplace saw answers the change set it already made. */
export async function startChangeSet(
  catalog: MarketplaceCatalogClient,
  { changes, clientRequestToken, name }: { changes: OfferChange[]; clientRequestToken: string; name: string },
): Promise<string> {
  const answer = await catalog.send(
    new StartChangeSetCommand({ Catalog: CATALOG, ChangeSet: changes, ChangeSetName: name, ClientRequestToken: clientRequestToken }),
  );
  return z.object({ ChangeSetId: z.string().min(1) }).parse(answer).ChangeSetId;
}

const describedChangeSet = z.object({
  Status: z.enum(["PREPARING", "APPLYING", "SUCCEEDED", "CANCELLED", "FAILED"]),
  FailureCode: z.string().optional(),
  FailureDescription: z.string().optional(),
  ChangeSet: z
    .array(
      z.object({
        ChangeType: z.string().optional(),
        ChangeName: z.string().optional(),
        Entity: z.object({ Identifier: z.string().optional() }).optional(),
        ErrorDetailList: z.array(z.object({ ErrorCode: z.string().optional(), ErrorMessage: z.string().optional() })).optional(),
      }),
    )
    .default([]),
});

/** The procurement URL the marketplace makes for a private offer; the seller sends it to the buyer. */
export function procurementUrl(marketplaceProductId: string, marketplaceOfferId: string): string {
  const query = new URLSearchParams({ productId: marketplaceProductId, offerId: marketplaceOfferId });
  return `https://aws.amazon.com/marketplace/procurement?${query.toString()}`;
}

/** Where a change set stands, with the created offer once it succeeded and every error detail once it failed. */
export async function describeChangeSet(
  catalog: MarketplaceCatalogClient,
  { changeSetId, marketplaceProductId }: { changeSetId: string; marketplaceProductId: string },
): Promise<PublicationOutcome> {
  const described = describedChangeSet.parse(await catalog.send(new DescribeChangeSetCommand({ Catalog: CATALOG, ChangeSetId: changeSetId })));
  switch (described.Status) {
    case "PREPARING":
    case "APPLYING":
      return { status: "in_progress" };
    case "SUCCEEDED": {
      const created = described.ChangeSet.find((change) => change.ChangeName === CREATE_OFFER_CHANGE);
      // An entity identifier may carry its revision (`offer-abc@1`); the offer ID is the part before it.
      const offerId = created?.Entity?.Identifier?.replace(/@\d+$/, "");
      if (!offerId) {
        return { status: "failed", error: { message: `Change set ${changeSetId} succeeded but names no created offer`, details: [] } };
      }
      return { status: "succeeded", marketplaceOfferId: offerId, buyerUrl: procurementUrl(marketplaceProductId, offerId) };
    }
    case "CANCELLED":
    case "FAILED": {
      const details = described.ChangeSet.flatMap((change) =>
        (change.ErrorDetailList ?? []).map((detail) => {
          const field = offerFieldOf(change.ChangeType, detail.ErrorMessage);
          return {
            code: detail.ErrorCode ?? "UNKNOWN",
            message: change.ChangeType ? `${change.ChangeType}: ${detail.ErrorMessage ?? ""}` : (detail.ErrorMessage ?? ""),
            ...(field ? { field } : {}),
          };
        }),
      );
      const verb = described.Status === "FAILED" ? "failed" : "was cancelled";
      const reason = described.FailureDescription ?? described.FailureCode;
      return { status: "failed", error: { message: `Change set ${changeSetId} ${verb} on the marketplace${reason ? `: ${reason}` : ""}`, details } };
    }
  }
}
