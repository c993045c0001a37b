/**
 * The line stamped on every page of a buyer's copy: the offer, the account it was made for and
 * the UTC day the offer was sent, so a copy that turns up anywhere says whose it is. Offer IDs,
 * account IDs and dates are ASCII, and the separator is in WinAnsi: `sanitizeFooter` keeps it all.
 */
export function buyerCopyFooter({ offerId, account, sentAt }: { offerId: string; account: string; sentAt: string }): string {
  return `Offer ${offerId} · for AWS account ${account} · sent ${sentAt.slice(0, 10)}`;
}

/** The copy's file name, which says whose copy it is: `Acme EULA.pdf` becomes `Acme EULA - copy for account 012345678901.pdf`. */
export function buyerCopyFileName(originalName: string, account: string): string {
  return `${originalName.replace(/\.pdf$/i, "")} - copy for account ${account}.pdf`;
}
