import { createHash } from "node:crypto";

/**
 * The `ClientRequestToken` of one publication attempt of one offer: 36 characters shaped like
 * a UUID, made from the offer ID and the attempt number, so that every retry of the same
 * attempt (a lost answer, a restart, a second server) is the same request to the marketplace
 * and never a second offer, while `offers.republish` (the next attempt) is a new request: the
 * marketplace answers a reused token with the change set it already made, failed or not.
 */
export function clientRequestToken(offerId: string, attempt: number): string {
  const hex = createHash("sha256").update(`offerkit:${offerId}:${attempt}`).digest("hex");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join("-");
}
