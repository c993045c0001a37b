import type { Database, Kysely } from "@offerkit/db";
import type { BlobStore, EulaStamper } from "@offerkit/eula";
import type { ContactCipher } from "./data-keys/contact-cipher";
import type { WebhookSecretCipher } from "./data-keys/webhook-secret-cipher";
import type { OfferPublisher, WebhookPoster } from "@offerkit/core";
import type { WebhookSettings } from "./webhooks/settings";

/** The time source of every service; tests inject one they can move. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Makes new IDs and secrets; unguessable in production, predictable only if a test wants it. */
export interface IdGenerator {
  /** A URL-safe, unguessable ID with a readable prefix, e.g. `offer-V1StGXR8_Z5jdHi6B-myT`. */
  newId(prefix: string): string;
  /** A secret for an API key or buyer token. */
  newSecret(prefix: string): string;
}

export interface ApiConfig {
  /** Where buyers reach this server; buyer URLs are made from it. No trailing slash. */
  publicUrl: string;
  /** The largest EULA PDF accepted, in bytes. */
  eulaMaxBytes: number;
  /** The marketplace's base URL: product links go there and nowhere else. No trailing slash. */
  marketplaceUrl: string;
}

/** Everything a service needs, passed explicitly. */
export interface ApiDeps {
  db: Kysely<Database>;
  blobs: BlobStore;
  /** Makes buyers' stamped copies of EULAs off the event loop: `createStampPool()`, closed on shutdown. */
  stamper: EulaStamper;
  clock: Clock;
  ids: IdGenerator;
  /** Seals support contacts at rest. */
  cipher: ContactCipher;
  /** Seals webhook endpoints' signing secrets at rest, under the same master key. */
  webhookSecrets: WebhookSecretCipher;
  config: ApiConfig;
  /** Where sent offers are published: this server (`local`) or a live marketplace. */
  publisher: OfferPublisher;
  /** How webhooks are delivered: which addresses, how long, how often retried. */
  webhooks: WebhookSettings;
  /** Where webhooks leave: node's HTTP client behind the operator's address rules. */
  webhookPoster: WebhookPoster;
}
