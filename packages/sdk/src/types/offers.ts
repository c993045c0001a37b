import type { BuyerInvitationView, CreateOfferInput, InviteBuyerInput, ListOffersInput, OfferView, Page, SendOfferInput, UpdateOfferInput } from "@offerkit/core";

export interface OfferIdInput {
  offerId: string;
}

/** The filter of `offers.listAll`; the cursor is the SDK's to follow. */
export type ListAllOffersInput = Omit<ListOffersInput, "cursor">;

/** What deleting a draft answers. */
export interface DeleteResult {
  deleted: true;
}

export interface OffersResource {
  /** A draft; every term may still be missing. Retried safely: it carries an idempotency key. */
  create(input: CreateOfferInput): Promise<OfferView>;
  /**
   * Edits a draft (a field given replaces, `null` clears) and answers with the version this edit
   * wrote. With `expectedVersion` (an offer's `version`), a draft that has moved on since is
   * refused with `CONFLICT` and nothing is written. Never retried.
   */
  update(input: UpdateOfferInput): Promise<OfferView>;
  delete(input: OfferIdInput): Promise<DeleteResult>;
  get(input: OfferIdInput): Promise<OfferView>;
  list(input?: ListOffersInput): Promise<Page<OfferView>>;
  /** Every offer matching the filter: `for await (const offer of client.offers.listAll({ status: "sent" }))`. */
  listAll(input?: ListAllOffersInput): AsyncGenerator<OfferView>;
  /**
   * Checks every rule, freezes the offer and gives it its buyer URL. Never sends twice. With a
   * marketplace publisher the answer's `publication.state` is `publishing`; read the offer again
   * to see it `published` (or `failed`, with the marketplace's reasons).
   */
  send(input: SendOfferInput): Promise<OfferView>;
  /** Publishes a sent offer again, same terms, after its publication failed; refused in any other state. */
  republish(input: OfferIdInput): Promise<OfferView>;
  /** A new draft with the same terms, linked to the offer it replaces. */
  copyAsDraft(input: OfferIdInput): Promise<OfferView>;
  /**
   * A one-time link for a sent offer and one of its buyer accounts, to mail to the buyer: opening
   * it signs the browser in as that account and shows the offer. It works once, for a week at
   * most and never past the deadline; the server keeps only its hash, so it is shown only here.
   * Never retried (a retry would make a second link).
   */
  inviteBuyer(input: InviteBuyerInput): Promise<BuyerInvitationView>;
}
