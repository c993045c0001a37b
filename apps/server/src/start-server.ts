import { createServer, type Server } from "node:http";
import { join } from "node:path";
import {
  closeContactsOfEndedSubscriptions,
  createClickTracker,
  createPublicationFollower,
  createWebhookDeliverer,
  destroyKeysOfDeletedContacts,
  ensureDemoSeller,
  ensureFirstSeller,
  randomIds,
  systemClock,
  type ApiDeps,
  type ClickTracker,
  type Clock,
  type FollowerOptions,
  type PublicationFollower,
  type DelivererOptions,
  type WebhookDeliverer,
} from "@offerkit/api";
import { errorMessage, localPublisher, type OfferPublisher } from "@offerkit/core";
import { createClickWriter, migrateToLatest, openDatabase, withStartupLock } from "@offerkit/db";
import { createFileBlobStore, createStampPool, type BlobStore, type StampPoolOptions } from "@offerkit/eula";
import { createHttpWebhookPoster } from "@offerkit/webhook-http";
import { createApp } from "./app";
import type { StoreConfig, PublisherConfig, ServerConfig } from "./config";
import { prepareDataFolder } from "./data-folder";
import { prepareDataKeys, type DataKeys } from "./data-keys-at-start";
import { createRateLimiter } from "./limits/rate-limiter";
import { createLogger, defaultLogFormat, type Logger } from "./observability/logger";
import { createServerMetrics } from "./observability/server-metrics";
import { checkedBeforeServing, s3StoreOptions } from "./s3-location";
import { trackingRedirect } from "./tracking/redirect";

export interface RunningServer {
  /** The base URL it listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  deps: ApiDeps;
  tracker: ClickTracker;
  /** Publishes sent offers to the marketplace in the background; null with the local publisher. */
  follower: PublicationFollower | null;
  /** Delivers webhooks from the outbox; null when this server is set not to (`OFFERKIT_WEBHOOKS=off`). */
  deliverer: WebhookDeliverer | null;
  logger: Logger;
  /** A new admin key, when this start created the first seller; shown once. */
  firstAdminKey: string | null;
  /** Stops accepting, finishes requests in flight, closes the database. */
  close(): Promise<void>;
}

const CONTACT_SWEEP_MS = 10 * 60 * 1000;

/** Opens storage, migrates, bootstraps and listens. */
export interface StartOptions {
  clock?: Clock;
  /** Click batching: how often (ms) and how many at most per write. */
  clicks?: { flushIntervalMs?: number; maxBatch?: number };
  /** Replaces the publisher the configuration names (tests hand in one whose AWS calls they intercept). */
  publisher?: OfferPublisher;
  /** The publication follower's timings and scheduler. */
  follower?: FollowerOptions;
  /** The webhook deliverer's tick and scheduler. */
  deliverer?: DelivererOptions;
  /** Replaces the JSON log on stdout (tests read the lines). */
  logger?: Logger;
  /** The EULA stamping pool's options (tests hand in a worker that crashes). */
  stamping?: StampPoolOptions;
}

/**
 * The configured publisher. The AWS SDK is loaded only when the AWS publisher is chosen, and
 * even then it looks for credentials and the network only when an offer is first published.
 */
async function configuredPublisher(config: PublisherConfig): Promise<OfferPublisher> {
  if (config.kind === "local") return localPublisher;
  const { createAwsPublisher } = await import("@offerkit/publisher-aws");
  return createAwsPublisher({
    region: config.region,
    eulaBucket: config.eulaBucket,
    ...(config.eulaKeyPrefix === undefined ? {} : { eulaKeyPrefix: config.eulaKeyPrefix }),
    eulaUrl: config.eulaUrl,
  });
}

/**
 * The configured EULA store. The S3 SDK is loaded only when S3 is chosen, and its bucket must
 * answer before the server starts: a wrong bucket, endpoint or credentials stop it at once
 * instead of failing the first upload.
 */
async function configuredBlobStore(config: StoreConfig, dataDir: string): Promise<{ blobs: BlobStore; close(): void }> {
  if (config.kind === "files") return { blobs: createFileBlobStore(join(dataDir, "blobs")), close: () => undefined };
  const { createS3BlobStore } = await import("@offerkit/eula/s3");
  const store = await checkedBeforeServing(createS3BlobStore(s3StoreOptions(config)), (reason) => `The EULA store of OFFERKIT_BLOB_STORE cannot be used: ${reason}`);
  return { blobs: store, close: () => store.close() };
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel, undefined, config.logFormat ?? defaultLogFormat(process.stdout));
  const clock = options.clock ?? systemClock;
  prepareDataFolder(config.dataDir, (message) => logger.warn({ dataDir: config.dataDir }, message));
  // Migrations may run longer than any request should: they get a connection without the timeout.
  const setup = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 3 });
  let firstAdminKey: string | null;
  let dataKeys: DataKeys | undefined;
  try {
    // Servers of a fleet starting together take turns: each migration and each bootstrap row once.
    firstAdminKey = await withStartupLock(setup.db, async () => {
      await migrateToLatest(setup.db);
      dataKeys = await prepareDataKeys(config, { db: setup.db, clock }, {
        warn: (message) => logger.warn(message),
        // A contact ID is no personal data; the reason says which key is missing.
        unreadable: (error) => logger.warn({ contactId: error.contactId }, error.message),
      });
      const bootstrapDeps = { db: setup.db, clock, ids: randomIds };
      if (config.bootstrapKey) await ensureDemoSeller(bootstrapDeps, config.bootstrapKey);
      return ensureFirstSeller(bootstrapDeps);
    });
  } finally {
    await setup.close();
  }
  if (!dataKeys) throw new Error("The data keys were not prepared");
  const keys = dataKeys;
  const blobStore = await configuredBlobStore(config.blobStore, config.dataDir).catch((error: unknown) => {
    keys.close();
    throw error;
  });
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, timeoutMs: config.dbTimeoutMs });
  // Buyers' EULA copies are stamped on a worker thread, started by the first copy.
  const stampPool = createStampPool(options.stamping);
  const deps: ApiDeps = {
    db: database.db,
    blobs: blobStore.blobs,
    stamper: stampPool,
    clock,
    ids: randomIds,
    cipher: dataKeys.cipher,
    webhookSecrets: dataKeys.webhookSecrets,
    // Set once the server listens, when not configured: its port may be chosen by the system.
    config: { publicUrl: config.publicUrl ?? "", eulaMaxBytes: config.eulaMaxBytes, marketplaceUrl: config.marketplaceUrl },
    publisher: options.publisher ?? (await configuredPublisher(config.publisher)),
    webhooks: config.webhooks.settings,
    webhookPoster: createHttpWebhookPoster({ ...config.webhooks.poster, now: () => clock.now().getTime() }),
  };

  // Read at scrape time only, once the tracker below exists.
  const metrics = createServerMetrics({ clickBufferDepth: () => tracker.pending(), poolStats: () => database.poolStats() });
  const tracker = createClickTracker({ db: deps.db, writer: metrics.timeClickWrites(createClickWriter(database)) }, deps.clock, {
    marketplaceUrl: config.marketplaceUrl,
    // The recorder names its own level and message; the logger writes them its own way.
    log: ({ msg, level: _level, ...fields }) => logger.error(fields, typeof msg === "string" ? msg : "click tracking"),
    ...options.clicks,
  });
  const follower = deps.publisher.kind === "marketplace" ? createPublicationFollower(deps, deps.publisher, options.follower) : null;
  const deliverer = config.webhooks.deliver
    ? createWebhookDeliverer(deps, config.webhooks.settings, {
        onError: (error) => logger.error({ error: errorMessage(error) }, "webhook delivery"),
        ...options.deliverer,
      })
    : null;
  // A test's clock decides the rate limits' minutes too; in production, the cheaper Date.now.
  const nowMs = options.clock ? () => clock.now().getTime() : Date.now;
  const app = createApp(deps, {
    corsOrigins: config.corsOrigins,
    consoleDir: config.consoleDir,
    logger,
    readyTimeoutMs: config.dbTimeoutMs,
    limits: {
      buyer: createRateLimiter(config.rateLimits.buyer, nowMs),
      contacts: createRateLimiter(config.rateLimits.contacts, nowMs),
      authFailures: createRateLimiter(config.rateLimits.authFailures, nowMs),
    },
    trustedProxies: config.trustedProxies,
    metrics,
  });
  const redirect = trackingRedirect(tracker, {
    logger,
    limiter: createRateLimiter(config.rateLimits.redirect, nowMs),
    counter: metrics.redirects,
    trustedProxies: config.trustedProxies,
    secureCookie: config.publicUrl?.startsWith("https:") ?? false,
  });
  // The tracking redirect is the hot path: it skips express, which would cost it most of its speed.
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith("/pp/")) redirect(req, res);
    else app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  follower?.start();
  deliverer?.start();
  const contactKeys = dataKeys.store;
  // Contacts of subscriptions that ended by the clock are deleted (and their keys destroyed) when
  // read, and now and then even if nobody reads them; so are keys a crash left behind.
  const sweep = setInterval(() => {
    void (async () => {
      await closeContactsOfEndedSubscriptions(deps, null);
      await destroyKeysOfDeletedContacts(deps, contactKeys);
    })().catch((error: unknown) => logger.error({ error: errorMessage(error) }, "contact sweep failed"));
  }, CONTACT_SWEEP_MS);
  sweep.unref();
  let closing: Promise<void> | undefined;
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  deps.config.publicUrl ||= `http://localhost:${port}`;
  return {
    url: `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`,
    deps,
    tracker,
    follower,
    deliverer,
    logger,
    firstAdminKey,
    close: () => {
      closing ??= (async () => {
        clearInterval(sweep);
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        // Every click answered before the stop is written before the database closes.
        await tracker.close();
        // A publication step in progress finishes (and is recorded) before the database closes.
        await follower?.close();
        // An attempt in progress is finished and logged; one cut off by a crash is left to its lease.
        await deliverer?.close();
        // Requests have finished, so no copy is being stamped; the worker thread goes.
        await stampPool.close();
        await database.close();
        blobStore.close();
        keys.close();
      })();
      return closing;
    },
  };
}
