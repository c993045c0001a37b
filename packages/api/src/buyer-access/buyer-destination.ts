import { findPublication } from "@offerkit/db";
import type { ApiDeps } from "../deps";

/**
 * Where an offer's buyer URL leads. With the local publisher this server is the buyer's
 * marketplace and shows the offer; with a live marketplace the buyer accepts there, so the URL
 * leads to the marketplace's own offer page once it is published. Only the offer ID is needed:
 * it is unguessable, and the marketplace shows an offer only to its buyer accounts.
 */
export type BuyerDestination = { kind: "here" } | { kind: "marketplace"; url: string } | { kind: "publishing" } | { kind: "unpublished" };

export async function buyerDestination(deps: Pick<ApiDeps, "db" | "publisher">, offerId: string): Promise<BuyerDestination> {
  if (deps.publisher.kind === "local") return { kind: "here" };
  const publication = await findPublication(deps.db, offerId);
  if (publication?.state === "published" && publication.buyerUrl) return { kind: "marketplace", url: publication.buyerUrl };
  if (publication?.state === "publishing") return { kind: "publishing" };
  return { kind: "unpublished" };
}
