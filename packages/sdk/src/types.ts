import type * as core from "@offerkit/core";

export type {
  AcceptOfferInput,
  AgreementView,
  ApiKeyView,
  BuiltLink,
  BuyerOfferView,
  ContactChangesInput,
  ContactChangesPage,
  ContactView,
  ConversionView,
  CreateOfferInput,
  CreateProductInput,
  DailyStat,
  DeepLinkInput,
  EligibilityView,
  EulaDocumentView,
  IssuedApiKey,
  IssuedBuyerToken,
  ListOffersInput,
  MarketingStatsInput,
  OfferBanner,
  OfferView,
  Page,
  PublicationError,
  PublicationErrorDetail,
  PublicationState,
  PublicationView,
  MarketplaceAgreementView,
  PageInput,
  Product,
  RecordConversionInput,
  RecordedConversion,
  ReportResult,
  ReportUsageInput,
  Scope,
  SellerSettings,
  SendOfferInput,
  ShareContactInput,
  SubscribeInput,
  SubscriptionView,
  SupportLookupRecord,
  UpdateContactInput,
  UpdateOfferInput,
  UpdateProductInput,
  UsageResult,
  WhoAmI,
} from "@offerkit/core";

/** A file to upload: bytes or a Blob (in Node, also a file path; see the `node` entry). */
export type EulaSource = Uint8Array | Blob;

export interface UploadOptions {
  /** The name buyers see; defaults to the Blob's or file's name, else `eula.pdf`. */
  fileName?: string;
}

export interface ProductsResource {
  list(input?: core.PageInput): Promise<core.Page<core.Product>>;
  /** Every product, page after page: `for await (const product of client.products.listAll())`. */
  listAll(input?: Omit<NonNullable<core.PageInput>, "cursor">): AsyncGenerator<core.Product>;
  get(input: { productId: string }): Promise<core.Product>;
  create(input: core.CreateProductInput): Promise<core.Product>;
  update(input: core.UpdateProductInput): Promise<core.Product>;
  /** Enrolls the product in Product Support Connection (`admin`). */
  setSupportConnection(input: { productId: string; enrolled: boolean }): Promise<core.Product>;
}

export interface OffersResource {
  /** A draft; every term may still be missing. Retried safely: it carries an idempotency key. */
  create(input: core.CreateOfferInput): Promise<core.OfferView>;
  update(input: core.UpdateOfferInput): Promise<core.OfferView>;
  delete(input: { offerId: string }): Promise<{ deleted: true }>;
  get(input: { offerId: string }): Promise<core.OfferView>;
  list(input?: core.ListOffersInput): Promise<core.Page<core.OfferView>>;
  /** Every offer matching the filter: `for await (const offer of client.offers.listAll({ status: "sent" }))`. */
  listAll(input?: Omit<core.ListOffersInput, "cursor">): AsyncGenerator<core.OfferView>;
  /**
   * Checks every rule, freezes the offer and gives it its buyer URL. Never sends twice. With a
   * marketplace publisher the answer's `publication.state` is `publishing`; read the offer again
   * to see it `published` (or `failed`, with the marketplace's reasons).
   */
  send(input: core.SendOfferInput): Promise<core.OfferView>;
  /** Publishes a sent offer again, same terms, after its publication failed; refused in any other state. */
  republish(input: { offerId: string }): Promise<core.OfferView>;
  /** A new draft with the same terms, linked to the offer it replaces. */
  copyAsDraft(input: { offerId: string }): Promise<core.OfferView>;
}

export interface EulaResource {
  upload(file: EulaSource, options?: UploadOptions): Promise<core.EulaDocumentView>;
  get(input: { sha256: string }): Promise<core.EulaDocumentView>;
  /** The original bytes, exactly as uploaded. */
  download(input: { sha256: string }): Promise<Uint8Array>;
}

export interface BuyerResource {
  offers: {
    list(input?: core.PageInput): Promise<core.Page<core.BuyerOfferView>>;
    listAll(input?: Omit<NonNullable<core.PageInput>, "cursor">): AsyncGenerator<core.BuyerOfferView>;
    get(input: { offerId: string }): Promise<core.BuyerOfferView>;
    /** Starts the agreement; accepting again returns the same one. Never accepts twice. */
    accept(input: core.AcceptOfferInput): Promise<core.AgreementView>;
    downloadEula(input: { offerId: string }): Promise<Uint8Array>;
  };
  subscriptions: {
    /** Subscribes at the product's public pricing. */
    subscribe(input: core.SubscribeInput): Promise<core.SubscriptionView>;
    list(): Promise<core.SubscriptionView[]>;
    cancel(input: { subscriptionId: string }): Promise<core.SubscriptionView>;
  };
  contacts: {
    /** Shares a support contact with the seller; `consent: true` is required. */
    share(input: core.ShareContactInput): Promise<core.ContactView>;
    update(input: core.UpdateContactInput): Promise<core.ContactView>;
    /** Erases the contact; the seller is told only that it was deleted. */
    delete(input: { contactId: string }): Promise<{ deleted: true }>;
    list(): Promise<core.ContactView[]>;
  };
  /** Whether this account has an offer it can still accept for the product. */
  banner(input: { asin: string }): Promise<core.OfferBanner>;
}

export interface AdminResource {
  whoami(): Promise<core.WhoAmI>;
  apiKeys: {
    create(input: { name: string; scopes: core.Scope[] }): Promise<core.IssuedApiKey>;
    list(): Promise<core.ApiKeyView[]>;
    revoke(input: { keyId: string }): Promise<{ revoked: true }>;
  };
  buyerTokens: {
    issue(input: { account: string; name?: string }): Promise<core.IssuedBuyerToken>;
  };
  settings: {
    get(): Promise<core.SellerSettings>;
    setDataSharing(input: { enrolled: boolean }): Promise<core.SellerSettings>;
  };
}

export interface LinksResource {
  /** A product link with the campaign's ref tag (default `vdr_rf`): straight, and through the tracking redirect. */
  build(input: core.DeepLinkInput): Promise<core.BuiltLink>;
}

export interface MarketingResource {
  /** Clicks and conversions per UTC day, ref tag and product. */
  stats(input: core.MarketingStatsInput): Promise<core.DailyStat[]>;
  /** A sale from your own fulfilment flow, credited to the visitor's latest click. Safe to retry: `externalId` makes it happen once. */
  recordConversion(input: core.RecordConversionInput): Promise<core.RecordedConversion>;
}

export interface ReportsResource {
  /** `reftag_daily_breakdown_report_<date>.csv` as text; `available: false` when the day had no activity. */
  daily(input: { date: string }): Promise<core.ReportResult>;
  /** `weekly_reftag_report_<date>.csv` as text; `available: false` when the week had no activity. */
  weekly(input: { date: string }): Promise<core.ReportResult>;
}

export interface UsageResource {
  /** Up to 25 metering records; each (customer, dimension, hour) counts once, so a retry is safe. */
  report(input: core.ReportUsageInput): Promise<core.UsageResult[]>;
}

export interface SupportResource {
  /** The account's subscriptions to your products, with 30 days of usage and charges. Audited. */
  lookup(input: { account: string }): Promise<core.EligibilityView>;
  /** Who looked up which account, newest first (`admin`). */
  auditLog(input?: { limit?: number }): Promise<core.SupportLookupRecord[]>;
}

export interface ContactsResource {
  /** Support contacts added, updated and deleted since a cursor. */
  changes(input?: core.ContactChangesInput): Promise<core.ContactChangesPage>;
  /** The same changes in the marketplace's CSV columns. */
  exportCsv(input?: core.ContactChangesInput): Promise<{ csv: string; nextCursor: string; rows: number }>;
}

export interface OfferkitClient {
  products: ProductsResource;
  offers: OffersResource;
  eula: EulaResource;
  buyer: BuyerResource;
  admin: AdminResource;
  links: LinksResource;
  marketing: MarketingResource;
  reports: ReportsResource;
  usage: UsageResource;
  support: SupportResource;
  contacts: ContactsResource;
}

export interface OfferkitClientOptions {
  /** The server, e.g. `https://offers.example.com` (without `/trpc`). */
  baseUrl: string;
  /** A seller API key, or a buyer token for the `buyer` calls. */
  apiKey: string;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Each HTTP request is aborted after this long; default 30 000 ms. */
  timeoutMs?: number;
  /** Retries for reads and keyed writes after a network failure, 429 or 5xx; default 2. */
  retries?: number;
  /** First backoff step in ms (doubled each retry, with jitter); default 250. */
  retryBaseDelayMs?: number;
}
