import type { OfferView } from "@offerkit/sdk";
import { timeLeft } from "../../time-left";

/** One targeted account of a sent offer, as the buyer-accounts panel shows it. */
export interface AcceptanceRow {
  account: string;
  state: "accepted" | "waiting" | "lapsed";
  acceptedAt: string | null;
  /** Offerkit's agreement, made when the account accepted. */
  agreementId: string | null;
  /** The marketplace's own agreement ID, when the account accepted there. */
  marketplaceAgreementId: string | null;
}

/**
 * Every targeted account in the order the offer lists them: accepted (when, which agreement),
 * still able to, or not before the deadline. An account that accepted on the marketplace has its
 * agreement ID there too.
 */
export function acceptanceRows(offer: Pick<OfferView, "buyerAccounts" | "acceptances" | "publication" | "acceptanceDeadline">, now: Date): AcceptanceRow[] {
  const marketplace = offer.publication.agreement;
  // An offer one account accepted stays open to the others until its deadline.
  const lapsed = deadlinePassed(offer.acceptanceDeadline, now);
  return offer.buyerAccounts.map((account) => {
    const acceptance = offer.acceptances.find((entry) => entry.account === account);
    const marketplaceAgreementId = marketplace && marketplace.buyerAccount === account ? marketplace.id : null;
    if (acceptance) return { account, state: "accepted", acceptedAt: acceptance.acceptedAt, agreementId: acceptance.agreementId, marketplaceAgreementId };
    return { account, state: lapsed ? "lapsed" : "waiting", acceptedAt: null, agreementId: null, marketplaceAgreementId };
  });
}

/** "1 of 3 accounts accepted", "The one account accepted", "No account has accepted yet". */
export function acceptanceSummary(rows: readonly AcceptanceRow[], expired: boolean): string {
  const accepted = rows.filter((row) => row.state === "accepted").length;
  if (rows.length === 1) return accepted === 1 ? "The account accepted." : expired ? "The account did not accept before the deadline." : "The account has not accepted yet.";
  if (accepted === 0) return expired ? "No account accepted before the deadline." : "No account has accepted yet.";
  return `${accepted} of ${rows.length} accounts accepted${accepted < rows.length && !expired ? "; the others still can" : ""}.`;
}

export function deadlinePassed(deadline: string | null, now: Date): boolean {
  return deadline !== null && timeLeft(deadline, now) === "passed";
}
