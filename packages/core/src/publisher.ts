import type { OfferTerms } from "./offer";
import type { PublicationError, PublicationErrorDetail } from "./publication";

/** What a marketplace publisher needs to publish one attempt of one sent offer. */
export interface PublishRequest {
  offerId: string;
  /** 1 for the first try, then one more per `offers.republish`; retries of one attempt must be the same request. */
  attempt: number;
  /** When this attempt began; anything time-dependent in the request (a signature) is made as of then. */
  attemptStartedAt: Date;
  product: {
    id: string;
    /** The product's entity ID in the marketplace's Catalog API; null when the seller has not set it. */
    catalogProductId: string | null;
    marketplaceProductId: string;
  };
  terms: OfferTerms;
  eula: { sha256: string; bytes: Uint8Array };
}

/** Where a started publication stands on the marketplace. */
export type PublicationOutcome =
  | { status: "in_progress" }
  | { status: "succeeded"; marketplaceOfferId: string; buyerUrl: string }
  | { status: "failed"; error: PublicationError };

/**
 * Where an agreement stands on the marketplace, in Offerkit's words: `active` while its terms
 * run, `cancelled` when it was ended before its end date (by the buyer or by the marketplace),
 * `ended` when it ran out or was carried into another agreement (renewed, replaced).
 */
export type MarketplaceAgreementStatus = "active" | "ended" | "cancelled";

/** A purchase agreement a buyer made on the marketplace by accepting a published offer. */
export interface MarketplaceAgreement {
  /** The marketplace's agreement ID. */
  id: string;
  /** The buyer's account on the marketplace (12 digits on AWS). */
  buyerAccount: string;
  status: MarketplaceAgreementStatus;
  acceptedAt: Date;
  /** Differs from `acceptedAt` for an agreement dated to start later. */
  startsAt: Date;
  /** Null when the marketplace gives no end date (pay-as-you-go agreements). */
  endsAt: Date | null;
}

/**
 * Publishes sent offers to a live marketplace and reads back what happened there. Every call
 * may be repeated: a publisher is driven by a background follower that retries after errors
 * and restarts.
 */
export interface MarketplacePublisher {
  readonly kind: "marketplace";
  /** A short name for logs and errors, e.g. `aws`. */
  readonly name: string;
  /** Starts publishing and answers the marketplace's handle of the work (its change set ID). */
  publish(request: PublishRequest): Promise<{ changeSetId: string }>;
  /** Where the work started by `publish` stands. */
  follow(input: { changeSetId: string; marketplaceProductId: string }): Promise<PublicationOutcome>;
  /**
   * Every purchase agreement buyers made by accepting the published offer, whatever became of
   * it since, in no particular order; empty while nobody accepted it.
   */
  listAgreements(marketplaceOfferId: string): Promise<MarketplaceAgreement[]>;
}

/** No external marketplace: this server is the buyers' marketplace, and a sent offer is published as it is sent. */
export interface LocalPublisher {
  readonly kind: "local";
}

export type OfferPublisher = LocalPublisher | MarketplacePublisher;

export const localPublisher: LocalPublisher = { kind: "local" };

/**
 * A publisher's failure. `retryable` says whether the same request may succeed later
 * (throttling, a network error, a server error) or needs the seller (a refused request).
 */
export class PublisherError extends Error {
  override readonly name = "PublisherError";
  readonly retryable: boolean;
  /** The marketplace's own error details, when it gave any. */
  readonly details: PublicationErrorDetail[];

  constructor(message: string, { retryable, details = [], cause }: { retryable: boolean; details?: PublicationErrorDetail[]; cause?: unknown }) {
    super(message, { cause });
    this.retryable = retryable;
    this.details = details;
  }
}
