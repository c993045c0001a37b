import type { FieldIssue } from "./errors";
import type { Scope } from "./scopes";
import type { Installment } from "./installments";
import type { AgreementTerm, OfferStatus } from "./offer";
import type { OfferPricing } from "./pricing";
import type { PublicationView } from "./publication";

/** An uploaded EULA PDF, as the seller sees it. */
export interface EulaDocumentView {
  sha256: string;
  fileName: string;
  size: number;
  pageCount: number;
  uploadedAt: string;
}

/** An offer as its seller sees it. Times are ISO 8601 strings. */
export interface OfferView {
  id: string;
  status: OfferStatus;
  productId: string;
  name: string | null;
  description: string | null;
  buyerAccounts: string[];
  pricing: OfferPricing | null;
  eula: EulaDocumentView | null;
  agreement: AgreementTerm | null;
  acceptanceDeadline: string | null;
  refundPolicy: string | null;
  /** The payment schedule, when the buyer pays in installments rather than at once. */
  installments: Installment[] | null;
  /** What the schedule charges in all, USD with cents ("60000.00"); null without one. */
  installmentsTotal: string | null;
  /**
   * What stops this draft from being sent by today's rules and clock, each field named (a draft
   * written under older rules stays a draft and says why here). Empty when it can be sent, and
   * always for a sent offer. `offers.send` checks everything again, the EULA's bytes included.
   */
  problems: FieldIssue[];
  /** The offer this draft was copied from, when it replaces one. */
  replacesOfferId: string | null;
  /** The link the sales rep sends the buyer; set when the offer is sent. */
  buyerUrl: string | null;
  /** SHA-256 of the canonical terms, fixed when the offer is sent. */
  termsSha256: string | null;
  /** 1 when drafted, one more with each edit; pass it back as `expectedVersion` to `offers.update`. */
  version: number;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  acceptedAt: string | null;
  /** Its publication on the live marketplace; `not_published` for drafts and with the local publisher off. */
  publication: PublicationView;
  /** Each buyer account that accepted, with its agreement, in the order they accepted. */
  acceptances: OfferAcceptanceView[];
}

/** One buyer account's acceptance of an offer. */
export interface OfferAcceptanceView {
  account: string;
  acceptedAt: string;
  agreementId: string;
}

/** An offer as a targeted buyer sees it: no internal description, no other buyers. */
export interface BuyerOfferView {
  id: string;
  status: OfferStatus;
  seller: string;
  product: { asin: string; title: string };
  name: string;
  pricing: OfferPricing;
  eula: { sha256: string; fileName: string; size: number; pageCount: number };
  agreement: AgreementTerm;
  acceptanceDeadline: string;
  refundPolicy: string | null;
  /** When and how much the buyer pays, when in installments. */
  installments: Installment[] | null;
  /** What the schedule charges in all, USD with cents; null without one. */
  installmentsTotal: string | null;
  /** This account's agreement, once it accepted. */
  acceptance: AgreementView | null;
}

/**
 * A one-time link that signs its opener in as one buyer account and shows one offer. The rep
 * mails it; it works once, until `expiresAt`.
 */
export interface BuyerInvitationView {
  offerId: string;
  account: string;
  url: string;
  expiresAt: string;
}

/** What a buyer gets by accepting: the terms running from `startsAt` to `endsAt`. */
export interface AgreementView {
  id: string;
  offerId: string;
  buyerAccount: string;
  startsAt: string;
  endsAt: string;
  pricing: OfferPricing;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** A secret made for a caller: shown once, only its hash is kept. */
export interface IssuedSecret {
  id: string;
  secret: string;
  /** The first characters of the secret, to tell keys apart later. */
  keyPrefix: string;
}

export interface IssuedApiKey extends IssuedSecret {
  name: string;
  scopes: Scope[];
}

export interface IssuedBuyerToken extends IssuedSecret {
  account: string;
}

/** A key as listed: never its secret. */
export interface ApiKeyView {
  id: string;
  kind: "seller" | "buyer";
  name: string;
  keyPrefix: string;
  scopes: Scope[];
  /** Set on buyer tokens: the one account the token acts for. */
  buyerAccount: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface SellerSettings {
  sellerId: string;
  name: string;
  /** The marketplace requires enrollment in its data-sharing program before private offers. */
  dataSharingEnrolled: boolean;
}

export interface OfferBanner {
  /** True while the account has an offer for this product that it can still accept. */
  hasPrivateOffer: boolean;
  offerIds: string[];
  /** The buyer URL of the open offer whose deadline comes first, for the banner to link to. */
  buyerUrl: string | null;
}

export interface WhoAmI {
  sellerId: string;
  keyId: string;
  scopes: Scope[];
}

/** A product link: straight to the marketplace, and through the seller's tracking redirect. */
export interface BuiltLink {
  marketplaceUrl: string;
  /** Through this server's redirect, which counts the click first. */
  trackingUrl: string;
}
