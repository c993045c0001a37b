import type {
  AcceptOfferInput,
  AgreementView,
  BuyerOfferView,
  ContactView,
  OfferBanner,
  Page,
  PageInput,
  ShareContactInput,
  SubscribeInput,
  SubscriptionView,
  UpdateContactInput,
} from "@offerkit/core";
import type { DeleteResult, OfferIdInput } from "./offers";
import type { ListAllInput } from "./products";

export interface SubscriptionIdInput {
  subscriptionId: string;
}

export interface ContactIdInput {
  contactId: string;
}

export interface BannerInput {
  asin: string;
}

export interface BuyerOffersResource {
  list(input?: PageInput): Promise<Page<BuyerOfferView>>;
  listAll(input?: ListAllInput): AsyncGenerator<BuyerOfferView>;
  get(input: OfferIdInput): Promise<BuyerOfferView>;
  /** Starts the agreement; accepting again returns the same one. Never accepts twice. */
  accept(input: AcceptOfferInput): Promise<AgreementView>;
  downloadEula(input: OfferIdInput): Promise<Uint8Array>;
}

export interface BuyerSubscriptionsResource {
  /** Subscribes at the product's public pricing. */
  subscribe(input: SubscribeInput): Promise<SubscriptionView>;
  list(): Promise<SubscriptionView[]>;
  cancel(input: SubscriptionIdInput): Promise<SubscriptionView>;
}

export interface BuyerContactsResource {
  /** Shares a support contact with the seller; `consent: true` is required. */
  share(input: ShareContactInput): Promise<ContactView>;
  update(input: UpdateContactInput): Promise<ContactView>;
  /** Erases the contact; the seller is told only that it was deleted. */
  delete(input: ContactIdInput): Promise<DeleteResult>;
  list(): Promise<ContactView[]>;
}

export interface BuyerResource {
  offers: BuyerOffersResource;
  subscriptions: BuyerSubscriptionsResource;
  contacts: BuyerContactsResource;
  /** Whether this account has an offer it can still accept for the product. */
  banner(input: BannerInput): Promise<OfferBanner>;
}
