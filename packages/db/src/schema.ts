import type { Generated } from "kysely";

/**
 * Tables as Kysely sees them. Times are ISO 8601 UTC strings, flags are 0/1 integers and
 * structured values are JSON text, so SQLite and PostgreSQL store the same thing the same way.
 */
export interface Database {
  sellers: SellersTable;
  api_keys: ApiKeysTable;
  products: ProductsTable;
  eula_documents: EulaDocumentsTable;
  offers: OffersTable;
  agreements: AgreementsTable;
  idempotency_keys: IdempotencyKeysTable;
  clicks: ClicksTable;
  click_tags: ClickTagsTable;
  conversions: ConversionsTable;
  daily_salts: DailySaltsTable;
  subscriptions: SubscriptionsTable;
  usage_records: UsageRecordsTable;
  support_lookups: SupportLookupsTable;
  contacts: ContactsTable;
  contact_changes: ContactChangesTable;
  data_keys: DataKeysTable;
  offer_publications: OfferPublicationsTable;
  stamped_eula_copies: StampedEulaCopiesTable;
  buyer_invitations: BuyerInvitationsTable;
  buyer_sessions: BuyerSessionsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
}

export interface SellersTable {
  id: string;
  name: string;
  data_sharing_enrolled: number;
  created_at: string;
}

export interface ApiKeysTable {
  id: string;
  seller_id: string;
  kind: "seller" | "buyer";
  name: string;
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  key_hash: string;
  /** The first characters of the secret, so a person can tell keys apart. */
  key_prefix: string;
  scopes: string;
  buyer_account: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface ProductsTable {
  id: string;
  seller_id: string;
  asin: string;
  marketplace_product_id: string;
  product_code: string;
  /** The Catalog API's entity ID (`prod-...`), needed to publish offers to the marketplace. */
  catalog_product_id: string | null;
  title: string;
  description: string;
  highlights: string;
  keywords: string;
  categories: string;
  pricing_model: string;
  pricing: string;
  public_pricing: string | null;
  support_connection: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EulaDocumentsTable {
  seller_id: string;
  sha256: string;
  file_name: string;
  size: number;
  page_count: number;
  created_at: string;
}

/** Buyers' stamped copies of sent offers' EULAs (migration 0013): one per offer and account. */
export interface StampedEulaCopiesTable {
  offer_id: string;
  buyer_account: string;
  seller_id: string;
  original_sha256: string;
  sha256: string;
  size: number;
  footer: string;
  created_at: string;
}

export interface OffersTable {
  id: string;
  seller_id: string;
  product_id: string;
  status: "draft" | "sent" | "accepted";
  /** Bumped by every draft edit, so `send` can refuse terms that changed after it checked them. */
  version: Generated<number>;
  name: string | null;
  description: string | null;
  buyer_accounts: string;
  pricing: string | null;
  eula_sha256: string | null;
  agreement: string | null;
  acceptance_deadline: string | null;
  refund_policy: string | null;
  /** JSON: the payment schedule, `[{ chargeDate, amount }]`. */
  installments: string | null;
  replaces_offer_id: string | null;
  buyer_url: string | null;
  terms_sha256: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
  accepted_at: string | null;
}

export interface AgreementsTable {
  id: string;
  offer_id: string;
  seller_id: string;
  product_id: string;
  buyer_account: string;
  starts_at: string;
  ends_at: string;
  pricing: string;
  created_at: string;
  /** The marketplace's ID of an agreement made there; null for one made on this server. */
  marketplace_agreement_id: string | null;
}

export interface IdempotencyKeysTable {
  principal_id: string;
  operation: string;
  key: string;
  request_hash: string;
  response: string;
  created_at: string;
}

export interface ClicksTable {
  asin: string;
  ref_tag: string;
  /** The visitor: a cookie's random ID, an attribution ID, or a salted daily hash; never an address. */
  session_key: string;
  /** UTC day of the click. */
  day: string;
  clicked_at: string;
}

/** Which ref tags a product's clicks had each day: the path attribution takes to a visitor's clicks. */
export interface ClickTagsTable {
  day: string;
  asin: string;
  ref_tag: string;
  /** The day's clicks on the product with the tag, kept by the click writer. */
  clicks: Generated<number>;
}

export interface ConversionsTable {
  id: string;
  seller_id: string;
  product_id: string;
  asin: string;
  ref_tag: string;
  /** The day of the click it is attributed to. */
  click_day: string;
  session_key: string;
  source: "offer" | "subscription" | "api";
  /** What the conversion is, in its source: an agreement ID, an order ID. Recorded once. */
  external_id: string;
  estimated_usage: number | string | bigint;
  /** USD in millionths, an integer: money never passes through a float. */
  estimated_revenue_micros: number | string | bigint;
  converted_at: string;
}

export interface DailySaltsTable {
  day: string;
  salt: string;
}

export interface SubscriptionsTable {
  id: string;
  seller_id: string;
  product_id: string;
  buyer_account: string;
  pricing_model: string;
  /** The prices it runs at: the private offer's, or the public offer's when it began. */
  pricing: string | null;
  quantity: number;
  offer_id: string | null;
  visibility: "private" | "public";
  /** `ended` is not stored: it follows from `ends_at` and the clock. */
  status: "active" | "cancelled";
  starts_at: string;
  ends_at: string | null;
  cancelled_at: string | null;
  /** SaaS models only (migration 0016): the customer identifier, one per account and product. */
  customer_identifier: Generated<string | null>;
}

export interface UsageRecordsTable {
  product_id: string;
  buyer_account: string;
  dimension: string;
  /** The UTC hour, `YYYY-MM-DDTHH:00:00.000Z`. */
  hour: string;
  quantity: number | string | bigint;
  recorded_at: string;
}

export interface SupportLookupsTable {
  id: string;
  seller_id: string;
  key_id: string;
  account: string;
  at: string;
  subscriptions_found: number;
  /** Set for a lookup by SaaS customer identifier (migration 0016). */
  customer_identifier: Generated<string | null>;
}

export interface ContactsTable {
  id: string;
  seller_id: string;
  product_id: string;
  subscription_id: string;
  buyer_account: string;
  /** The personal fields, sealed with AES-256-GCM; null once the contact is deleted. */
  sealed: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The check values of the master keys contacts are sealed under (migration 0015); never a key. */
export interface DataKeysTable {
  key_id: string;
  created_at: string;
}

export interface ContactChangesTable {
  sequence: Generated<number | string>;
  seller_id: string;
  contact_id: string;
  operation: "added" | "updated" | "deleted";
  at: string;
}

export interface OfferPublicationsTable {
  offer_id: string;
  seller_id: string;
  state: "publishing" | "published" | "failed";
  attempt: number;
  attempt_started_at: string;
  change_set_id: string | null;
  marketplace_offer_id: string | null;
  marketplace_buyer_url: string | null;
  /** JSON `{ message, details: [{ code, message }] }`. */
  error: string | null;
  agreement_id: string | null;
  agreement_buyer_account: string | null;
  agreement_accepted_at: string | null;
  agreement_starts_at: string | null;
  agreement_ends_at: string | null;
  next_check_at: string | null;
  failures_in_a_row: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface BuyerInvitationsTable {
  token_hash: string;
  seller_id: string;
  offer_id: string;
  buyer_account: string;
  created_at: string;
  expires_at: string;
  used_at: Generated<string | null>;
}

export interface BuyerSessionsTable {
  id: string;
  secret_hash: string;
  seller_id: string;
  buyer_account: string;
  created_at: string;
  expires_at: string;
  ended_at: Generated<string | null>;
}

export interface WebhookEndpointsTable {
  id: string;
  seller_id: string;
  url: string;
  description: string;
  /** JSON: the event types it receives, sorted. */
  event_types: string;
  include_contact_details: number;
  /** `whsec_...`: the server must sign with it, so it is kept as it is, unlike API keys. */
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: string | null;
  enabled: number;
  disabled_reason: string | null;
  disabled_at: string | null;
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookEventsTable {
  id: string;
  seller_id: string;
  type: string;
  version: number;
  /** JSON: the event's `data`. */
  data: string;
  dedupe_key: string | null;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  event_id: string;
  endpoint_id: string;
  seller_id: string;
  state: "pending" | "delivered" | "failed";
  attempts: Generated<number>;
  /** When a server may next try it; moved forward by the server that claims it. Null once finished. */
  next_attempt_at: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempted_at: string;
  duration_ms: number;
  status: number | null;
  error: string | null;
  response: string;
}
