import type { MarketplaceAgreementStatus } from "@offerkit/core";

/** Every `AgreementStatus` the Agreement API documents. A status outside this list fails parsing loudly. */
export const AWS_AGREEMENT_STATUSES = [
  "ACTIVE",
  "ARCHIVED",
  "CANCELLED",
  "EXPIRED",
  "RENEWED",
  "REPLACED",
  "ROLLED_BACK",
  "SUPERSEDED",
  "TERMINATED",
] as const;
export type AwsAgreementStatus = (typeof AWS_AGREEMENT_STATUSES)[number];

/**
 * AWS's agreement status in Offerkit's words, by what the Agreement API says each one means:
 *
 * - `CANCELLED` ("the acceptor ended the agreement before the defined end date") and
 *   `TERMINATED` ("ended before the defined end date because of an AWS termination", e.g. a
 *   payment failure) stop the agreement early: `cancelled`.
 * - `EXPIRED` ("ended on the defined end date"), `RENEWED` and `REPLACED` (carried into a new
 *   agreement, which the buyer holds instead) and `ARCHIVED` ("ended without a specified
 *   reason") leave nothing running under this agreement: `ended`.
 * - `SUPERSEDED` and `ROLLED_BACK` apply "only to inactive agreement revisions": another revision
 *   of the same agreement is now active, so the agreement itself still runs. Calling them ended
 *   would take support away from a paying buyer; they are `active`, which changes nothing
 *   recorded.
 */
export function toAgreementStatus(status: AwsAgreementStatus): MarketplaceAgreementStatus {
  switch (status) {
    case "ACTIVE":
    case "SUPERSEDED":
    case "ROLLED_BACK":
      return "active";
    case "CANCELLED":
    case "TERMINATED":
      return "cancelled";
    case "EXPIRED":
    case "RENEWED":
    case "REPLACED":
    case "ARCHIVED":
      return "ended";
  }
}

/** Whether a status describes an old revision rather than the agreement as it stands now. */
export function isRevisionStatus(status: AwsAgreementStatus): boolean {
  return status === "SUPERSEDED" || status === "ROLLED_BACK";
}
