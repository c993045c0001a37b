import type { AdminResource } from "./admin";
import type { BuyerResource } from "./buyer";
import type { ContactsResource } from "./contacts";
import type { EulaResource } from "./eula";
import type { LinksResource } from "./links";
import type { MarketingResource } from "./marketing";
import type { OffersResource } from "./offers";
import type { ProductsResource } from "./products";
import type { ReportsResource } from "./reports";
import type { SupportResource } from "./support";
import type { UsageResource } from "./usage";
import type { WebhooksResource } from "./webhooks";

// Every type a method takes or returns, and every named type inside them, so a partner app can
// name what it holds. `exports.test.ts` checks the built declarations for any that is missing.
export type {
  AcceptOfferInput,
  CreatedWebhookEndpoint,
  CreateWebhookEndpointInput,
  AgreementTerm,
  AgreementView,
  ApiKeyView,
  BuiltLink,
  BuyerInvitationView,
  BuyerOfferView,
  ContactChange,
  ContactChangesInput,
  ContactChangesPage,
  ContactDetails,
  ContactOperation,
  ContactView,
  ConversionView,
  CreateOfferInput,
  CreateProductInput,
  DailyStat,
  DeepLinkInput,
  Dimension,
  DimensionUsage,
  EligibilityView,
  EligibleSubscription,
  EulaDocumentView,
  Installment,
  IssuedApiKey,
  ListWebhookDeliveriesInput,
  IssuedBuyerToken,
  InviteBuyerInput,
  IssuedSecret,
  ListOffersInput,
  MarketingChange,
  MarketingFigures,
  MarketingStatsInput,
  MarketingSummary,
  MarketingSummaryRow,
  MarketingTotals,
  MarketplaceAgreementView,
  OfferAcceptanceView,
  OfferBanner,
  OfferPricing,
  OfferStatus,
  OfferView,
  Page,
  PageInput,
  PricingModel,
  Product,
  ProductPricing,
  PublicationError,
  PublicationErrorDetail,
  PublicationState,
  PublicationView,
  RecordConversionInput,
  RecordedConversion,
  ReplayWebhookInput,
  ReportPeriod,
  ReportResult,
  ReportUsageInput,
  RotatedWebhookSecret,
  RotateWebhookSecretInput,
  Scope,
  SellerSettings,
  SendOfferInput,
  ShareContactInput,
  SharedContactDetails,
  SubscribeInput,
  SubscriptionStatus,
  SubscriptionView,
  SupportLookupRecord,
  TestDeliveryResult,
  UnreadableContact,
  UpdateContactInput,
  UpdateOfferInput,
  UpdateProductInput,
  UpdateWebhookEndpointInput,
  UsageOutcome,
  UsageRecordInput,
  UsageResult,
  WebhookAttemptView,
  WebhookDeliveriesPage,
  WebhookDeliveryView,
  WebhookEndpointView,
  WhoAmI,
} from "@offerkit/core";
export type { AdminResource, ApiKeyIdInput, CreateApiKeyInput, IssueBuyerTokenInput, RevokeResult, SetDataSharingInput } from "./admin";
export type {
  BannerInput,
  BuyerContactsResource,
  BuyerOffersResource,
  BuyerResource,
  BuyerSubscriptionsResource,
  ContactIdInput,
  SubscriptionIdInput,
} from "./buyer";
export type { ContactsCsvExport, ContactsResource } from "./contacts";
export type { EulaIdInput, EulaResource, EulaSource, UploadOptions } from "./eula";
export type { LinksResource } from "./links";
export type { MarketingResource } from "./marketing";
export type { DeleteResult, ListAllOffersInput, OfferIdInput, OffersResource } from "./offers";
export type { ListAllInput, ProductIdInput, ProductsResource, SetSupportConnectionInput } from "./products";
export type { ReportDateInput, ReportsResource } from "./reports";
export type { AuditLogInput, SupportLookupInput, SupportResource } from "./support";
export type { UsageResource } from "./usage";
export type { ReplayResult, WebhookEndpointIdInput, WebhooksResource } from "./webhooks";

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
  webhooks: WebhooksResource;
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
