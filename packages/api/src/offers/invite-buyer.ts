import { OfferkitError, endOfUtcDay, isAcceptable, type BuyerInvitationView } from "@offerkit/core";
import { insertBuyerInvitation } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { sha256Hex } from "../hashing";
import { loadOffer } from "./load-offer";

/** An invitation sits in a mailbox: a week at most, and never past the offer's deadline. */
const INVITATION_DAYS = 7;

/**
 * A one-time link for one sent offer and one of its buyer accounts, which the rep mails. Only the
 * token's hash is stored; the link is shown once, here. On a marketplace publisher buyers accept
 * on the marketplace, so no link is made.
 */
export async function inviteBuyer(
  deps: Pick<ApiDeps, "db" | "clock" | "ids" | "config" | "publisher">,
  sellerId: string,
  { offerId, account }: { offerId: string; account: string },
): Promise<BuyerInvitationView> {
  const offer = await loadOffer(deps.db, sellerId, offerId);
  if (deps.publisher.kind === "marketplace") {
    throw new OfferkitError("VALIDATION_FAILED", "Buyers accept this offer on the marketplace: send them its marketplace URL (publication.buyerUrl)", [
      { path: ["offerId"], message: "Published to a marketplace: no invitation link" },
    ]);
  }
  if (offer.status === "draft") {
    throw new OfferkitError("VALIDATION_FAILED", `Offer ${offerId} is a draft: send it before inviting its buyers`, [
      { path: ["offerId"], message: "Send the offer first" },
    ]);
  }
  if (!(offer.terms.buyerAccounts ?? []).includes(account)) {
    throw new OfferkitError("VALIDATION_FAILED", `Account ${account} is not one of offer ${offerId}'s buyer accounts`, [
      { path: ["account"], message: "Not a buyer account of this offer" },
    ]);
  }
  const now = deps.clock.now();
  const deadline = offer.terms.acceptanceDeadline ?? null;
  if (deadline === null || !isAcceptable(offer.status, deadline, now)) {
    throw new OfferkitError("OFFER_EXPIRED", `Offer ${offerId} can no longer be accepted; make a new offer to invite its buyers`);
  }
  const week = now.getTime() + INVITATION_DAYS * 24 * 60 * 60 * 1000;
  const expiresAt = new Date(Math.min(week, endOfUtcDay(deadline).getTime())).toISOString();
  const token = deps.ids.newSecret("obi");
  await insertBuyerInvitation(deps.db, { tokenHash: sha256Hex(token), sellerId, offerId, buyerAccount: account, createdAt: now.toISOString(), expiresAt });
  return { offerId, account, url: `${deps.config.publicUrl}/i/${token}`, expiresAt };
}
