import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { canonicalTerms, completeTerms, localPublisher, type CreateProductInput, type OfferPublisher, type OfferView } from "@offerkit/core";
import { openTestDatabase } from "@offerkit/db/testing";
import type { DialectName } from "@offerkit/db";
import { createFileBlobStore, createStampPool, type StampPoolOptions } from "@offerkit/eula";
import { createHttpWebhookPoster } from "@offerkit/webhook-http";
import { makePdf } from "@offerkit/eula/testing";
import { createSeller } from "./auth/create-seller";
import { createContactCipher } from "./data-keys/contact-cipher";
import { createFileKeyStore } from "./data-keys/key-store";
import { createKeyring } from "./data-keys/keyring";
import { createWebhookSecretCipher } from "./data-keys/webhook-secret-cipher";
import { createContextInner } from "./context";
import { sha256Hex } from "./hashing";
import type { ApiDeps, Clock, IdGenerator } from "./deps";
import { randomIds } from "./ids";
import { defaultWebhookSettings } from "./webhooks/settings";
import { recordWebhookEvent } from "./webhooks/record-event";
import { createCaller, type RouterInputs } from "./root";

export { personalDataPattern } from "./personal-data-pattern";

/** A clock a test moves by hand. */
export class TestClock implements Clock {
  private current: Date;

  constructor(start: string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current.getTime());
  }

  set(instant: string): void {
    this.current = new Date(instant);
  }
}

export const TEST_START = "2027-03-01T12:00:00.000Z";

export type Caller = ReturnType<typeof createCaller>;

/**
 * A real API over a fresh database (SQLite or PostgreSQL), a blob folder and a test clock:
 * everything a service test needs, with no HTTP.
 */
export async function createTestApi(
  dialect: DialectName,
  options: { eulaMaxBytes?: number; publisher?: OfferPublisher; stampPool?: StampPoolOptions; ids?: IdGenerator } = {},
) {
  const database = await openTestDatabase(dialect);
  const clock = new TestClock(TEST_START);
  // Its worker starts only if a test stamps a copy.
  const stampPool = createStampPool(options.stampPool);
  // The master key and the contact key store, for tests that look for what a deletion leaves.
  const dataKey = randomBytes(32);
  const contactKeys = createFileKeyStore(join(database.dataDir, "contact-keys"));
  const deps: ApiDeps = {
    db: database.db,
    blobs: createFileBlobStore(join(database.dataDir, "blobs")),
    stamper: stampPool,
    clock,
    ids: options.ids ?? randomIds,
    cipher: createContactCipher({ keyring: createKeyring(dataKey), store: contactKeys }),
    webhookSecrets: createWebhookSecretCipher(createKeyring(dataKey)),
    config: {
      publicUrl: "https://offers.example.test",
      eulaMaxBytes: options.eulaMaxBytes ?? 1024 * 1024,
      marketplaceUrl: "https://marketplace.example.test/marketplace",
    },
    publisher: options.publisher ?? localPublisher,
    // Tests deliver to receivers on this machine.
    webhooks: { ...defaultWebhookSettings, retryBaseMs: 1_000, leaseMs: 5_000 },
    webhookPoster: createHttpWebhookPoster({ allowPrivateNetworks: true, timeoutMs: 2_000, now: () => clock.now().getTime() }),
  };
  const callerFor = async (secret: string | null, visitorId: string | null = null): Promise<Caller> =>
    createCaller(await createContextInner(deps, secret, visitorId));

  /** A new tenant; its admin caller can issue narrower keys and buyer tokens. */
  async function newSeller(name = "seller", { enrolled = true } = {}) {
    const { sellerId, adminKey } = await createSeller(deps, { name, dataSharingEnrolled: enrolled });
    const admin = await callerFor(adminKey.secret);
    return {
      sellerId,
      admin,
      adminSecret: adminKey.secret,
      keyWith: async (...scopes: Parameters<typeof admin.admin.apiKeys.create>[0]["scopes"]) =>
        callerFor((await admin.admin.apiKeys.create({ name: "test", scopes })).secret),
      buyer: async (account: string) => callerFor((await admin.admin.buyerTokens.issue({ account })).secret),
    };
  }

  const close = async () => {
    await stampPool.close();
    await database.close();
  };
  return { deps, clock, database, stampPool, dataKey, contactKeys, callerFor, newSeller, close };
}

let asinCounter = 0;

/** A SaaS-contract product input with a fresh ASIN and IDs. */
export function sampleProduct(overrides: Partial<CreateProductInput> = {}): CreateProductInput {
  asinCounter += 1;
  const n = `${process.pid % 100000}`.padStart(5, "0") + `${asinCounter}`.padStart(4, "0");
  return {
    asin: `B${n}`,
    marketplaceProductId: `00000000-0000-4000-8000-${`${process.pid}`.padStart(6, "0")}${`${asinCounter}`.padStart(6, "0")}`,
    productCode: `code${n}`,
    title: "Analytics Suite",
    description: "Dashboards for everyone",
    highlights: ["Fast"],
    keywords: ["analytics"],
    categories: ["Business intelligence"],
    pricing: { model: "saas_contract", dimensions: [{ key: "seats", name: "Seats" }] },
    ...overrides,
  };
}

/** Uploads a real generated PDF and returns its document record. */
export async function uploadSamplePdf(caller: Caller, pages = 2, text = "End user license agreement") {
  const form = new FormData();
  form.append("file", new Blob([await makePdf(pages, { text })], { type: "application/pdf" }), "eula.pdf");
  return caller.eula.upload(form);
}

/** Every term a SaaS-contract offer needs to be sent, deadline 30 days after the test start. */
export function completeOfferTerms(productId: string, eulaSha256: string, buyerAccounts = ["012345678901"]): RouterInputs["offers"]["create"] {
  return {
    productId,
    name: "Acme three-year deal",
    description: "Negotiated with Acme procurement",
    buyerAccounts,
    pricing: { model: "saas_contract", contract: { seats: "1200.125" } },
    eulaSha256,
    agreement: { kind: "duration", duration: "P36M" },
    acceptanceDeadline: "2027-03-31",
    refundPolicy: "Write to refunds@example.com within 30 days of purchase.",
  };
}

/**
 * The hash of a sent offer's terms, recomputed from what the offer reads back (null when they
 * are incomplete): equal to its `termsSha256` exactly when it holds the terms send checked.
 */
export function recomputedTermsHash(offer: OfferView): string | null {
  const terms = completeTerms({
    name: offer.name ?? undefined,
    description: offer.description ?? undefined,
    buyerAccounts: offer.buyerAccounts,
    pricing: offer.pricing ?? undefined,
    eulaSha256: offer.eula?.sha256,
    agreement: offer.agreement ?? undefined,
    acceptanceDeadline: offer.acceptanceDeadline ?? undefined,
    refundPolicy: offer.refundPolicy ?? undefined,
    installments: offer.installments ?? undefined,
  });
  return terms === null ? null : sha256Hex(canonicalTerms(offer.productId, terms));
}
export { startReceiver, type ReceivedWebhook } from "./webhooks/receiver.fixture";
export { ManualScheduler, ScriptedMarketplace } from "./publishing/scripted-marketplace";

/** Writes `count` offer.sent events for a seller, each in its own transaction as a send would: for benchmarks of the outbox. */
export async function recordTestEvents(deps: ApiDeps, sellerId: string, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const at = deps.clock.now();
    const data = {
      offerId: `offer-bench${String(index).padStart(10, "0")}`,
      productId: "prod-bench000000",
      name: "Bench offer",
      buyerAccounts: ["012345678901"],
      acceptanceDeadline: "2030-01-01",
      buyerUrl: "https://offers.example.test/offers/bench",
      sentAt: at.toISOString(),
    };
    await deps.db.transaction().execute((trx) => recordWebhookEvent(trx, deps.ids, { sellerId, type: "offer.sent", data, at }));
  }
}
