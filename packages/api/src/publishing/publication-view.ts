import { NOT_PUBLISHED, type PublicationView } from "@offerkit/core";
import type { PublicationRecord } from "@offerkit/db";

/** The seller's view of a publication; an offer without one (a draft) is not published. */
export function toPublicationView(record: PublicationRecord | null): PublicationView {
  if (record === null) return NOT_PUBLISHED;
  return {
    state: record.state,
    attempt: record.attempt,
    marketplaceOfferId: record.marketplaceOfferId,
    buyerUrl: record.buyerUrl,
    error: record.state === "failed" ? record.error : null,
    agreement: record.agreement,
    updatedAt: record.updatedAt,
  };
}
