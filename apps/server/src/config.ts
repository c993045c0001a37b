import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultWebhookSettings, type WebhookSettings } from "@offerkit/api";
import { DEFAULT_MARKETPLACE_URL, marketplaceUrlSchema } from "@offerkit/core";
import { awsRegionSchema, s3BucketSchema, s3KeyPrefixSchema } from "@offerkit/publisher-aws/options";
import { isNetwork } from "@offerkit/webhook-http";
import { z } from "zod";
import { logFormats, logLevels, type LogFormat, type LogLevel } from "./observability/logger";

const DEFAULT_EULA_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_DB_TIMEOUT_MS = 5000;
/**
 * The console app's build: `console/` beside `dist/` in a deployable folder, else its build
 * output in this repository (both one level below the server's folder, from `src/` or `dist/`).
 */
const DEPLOYED_CONSOLE_DIR = fileURLToPath(new URL("../console", import.meta.url));
const REPOSITORY_CONSOLE_DIR = fileURLToPath(new URL("../../console/dist", import.meta.url));
const DEFAULT_CONSOLE_DIR = existsSync(join(DEPLOYED_CONSOLE_DIR, "index.html")) ? DEPLOYED_CONSOLE_DIR : REPOSITORY_CONSOLE_DIR;

/** An empty variable means "not set", as env files and CI settings often write it. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** `https://www.example.com`: scheme, host and port, nothing more. */
const originSchema = z.url({ protocol: /^https?$/ }).refine((value) => URL.canParse(value) && new URL(value).origin === value.replace(/\/$/, ""), {
  message: "each origin is scheme://host[:port], without a path, e.g. https://www.example.com",
});

/** A comma-separated list of origins, or `*` for any page. */
const corsOriginsSchema = z
  .string()
  .transform((value) => value.split(",").map((origin) => origin.trim()).filter((origin) => origin !== ""))
  .pipe(z.union([z.tuple([z.literal("*")]), z.array(originSchema)]))
  .transform((origins): "*" | string[] => (origins[0] === "*" ? "*" : origins.map((origin) => origin.replace(/\/$/, ""))));

/** Non-public ranges webhooks may reach, comma-separated CIDR: `10.20.0.0/16, fd00:1::/64`. */
const networksSchema = z
  .string()
  .transform((value) => value.split(",").map((network) => network.trim()).filter((network) => network !== ""))
  .pipe(z.array(z.string().refine(isNetwork, "each range is an address and a prefix length, e.g. 10.20.0.0/16 or fd00:1::/64")));

/**
 * Where EULA files are kept: `s3://bucket` or `s3://bucket/prefix` for S3-compatible object storage;
 * unset, files in the data folder.
 */
const blobStoreSchema = z
  .string()
  .regex(/^s3:\/\/[^/]+(\/.*)?$/, "must be s3://bucket or s3://bucket/prefix; leave it unset for files in the data folder")
  .transform((value) => {
    const [bucket = "", ...prefix] = value.slice("s3://".length).split("/");
    return { bucket, prefix: prefix.join("/").replace(/\/+$/, "") };
  })
  .pipe(
    z.object({
      bucket: s3BucketSchema,
      prefix: z
        .string()
        .max(200, "must have a prefix of at most 200 characters")
        .regex(/^([\w!.*'()-]+(\/[\w!.*'()-]+)*)?$/, "must have a prefix of folder names (letters, digits, !_.*'()-) separated by single slashes"),
    }),
  );

/** `true` or `false` (also 1 or 0). */
const booleanSetting = z
  .enum(["true", "false", "1", "0"], "must be true or false")
  .transform((value) => value === "true" || value === "1");

/** Requests per minute, per address or buyer token; 0 turns the limit off. */
const perMinute = (fallback: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number("must be a number of requests per minute")
      .int("must be a whole number of requests per minute")
      .min(0, "must be 0 (no limit) or more")
      .max(1_000_000, "must be at most 1000000 a minute")
      .default(fallback),
  );

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  OFFERKIT_DATA_DIR: z.string().min(1).default("./.offerkit"),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL; leave it unset for the embedded SQLite database"),
  ),
  OFFERKIT_PUBLIC_URL: optional(z.url({ protocol: /^https?$/ })),
  OFFERKIT_MARKETPLACE_URL: optional(marketplaceUrlSchema),
  OFFERKIT_BLOB_STORE: optional(blobStoreSchema),
  OFFERKIT_CONTACT_KEY_STORE: optional(blobStoreSchema),
  OFFERKIT_S3_ENDPOINT: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL, e.g. https://minio.internal:9000" })),
  OFFERKIT_S3_FORCE_PATH_STYLE: optional(booleanSetting),
  OFFERKIT_EULA_MAX_BYTES: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(DEFAULT_EULA_MAX_BYTES),
  OFFERKIT_DATA_KEY: optional(
    z
      .string()
      .refine((value) => Buffer.from(value, "base64").byteLength === 32, "must be 32 random bytes in base64 (openssl rand -base64 32)"),
  ),
  OFFERKIT_PREVIOUS_DATA_KEY: optional(
    z
      .string()
      .refine((value) => Buffer.from(value, "base64").byteLength === 32, "must be the previous data key, 32 bytes in base64, while a key rotation runs"),
  ),
  OFFERKIT_CORS_ORIGINS: optional(corsOriginsSchema),
  OFFERKIT_CONSOLE_DIR: optional(z.string().min(1)),
  OFFERKIT_BOOTSTRAP_KEY: optional(
    z.string().min(16, "must be at least 16 characters").max(200).regex(/^\S+$/, "must not contain spaces"),
  ),
  OFFERKIT_PUBLISHER: optional(z.enum(["local", "aws"], "must be local or aws")),
  OFFERKIT_AWS_REGION: optional(awsRegionSchema),
  OFFERKIT_AWS_EULA_BUCKET: optional(s3BucketSchema),
  OFFERKIT_AWS_EULA_PREFIX: optional(s3KeyPrefixSchema),
  OFFERKIT_AWS_EULA_URL: z.enum(["public", "presigned"], "must be public or presigned").default("public"),
  OFFERKIT_TRUST_PROXY: z.coerce.number().int().min(0, "must be 0 or more proxies").max(10, "must be at most 10 proxies").default(0),
  OFFERKIT_RATE_LIMIT_REDIRECT: perMinute(600),
  OFFERKIT_RATE_LIMIT_BUYER: perMinute(300),
  OFFERKIT_RATE_LIMIT_CONTACTS: perMinute(20),
  OFFERKIT_RATE_LIMIT_AUTH_FAILURES: perMinute(30),
  OFFERKIT_LOG_LEVEL: optional(z.enum(logLevels, `must be one of ${logLevels.join(", ")}`)),
  OFFERKIT_LOG_FORMAT: optional(z.enum(logFormats, `must be one of ${logFormats.join(", ")}`)),
  OFFERKIT_WEBHOOKS: z.enum(["on", "off"], "must be on or off").default("on"),
  OFFERKIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS: optional(booleanSetting),
  OFFERKIT_WEBHOOK_ALLOWED_NETWORKS: optional(networksSchema),
  OFFERKIT_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100, "must be at least 100 ms").max(60_000, "must be at most 60000 ms").default(10_000),
  OFFERKIT_WEBHOOK_MAX_REDIRECTS: z.coerce.number().int().min(0).max(5, "must be at most 5").default(0),
  OFFERKIT_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10, "must be at least 10 ms").max(3_600_000).default(5_000),
  OFFERKIT_WEBHOOK_LOG_RETENTION_DAYS: z.coerce.number().int().min(7, "must be at least 7 days (the retries last 3)").max(3650).default(30),
  OFFERKIT_DB_TIMEOUT_MS: z.coerce
    .number("must be a number of milliseconds")
    .int("must be a whole number of milliseconds")
    .min(100, "must be at least 100 (ms)")
    .max(600_000, "must be at most 600000 (ms)")
    .default(DEFAULT_DB_TIMEOUT_MS),
});

/** Where sent offers are published: this server, or AWS Marketplace (with the S3 bucket for EULAs). */
export type PublisherConfig =
  | { kind: "local" }
  | { kind: "aws"; region: string; eulaBucket: string; eulaKeyPrefix: string | undefined; eulaUrl: "public" | "presigned" };

/** A bucket, a prefix in it, and how to reach the store. */
export interface S3Location {
  bucket: string;
  prefix: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  region: string | undefined;
}

/** Files in the data folder, or objects in an S3-compatible bucket (credentials from the AWS SDK's default chain). */
export type StoreConfig = { kind: "files" } | ({ kind: "s3" } & S3Location);

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where buyers reach this server; buyer URLs are made from it. Null: its own address, once it listens. */
  publicUrl: string | null;
  eulaMaxBytes: number;
  /** Product links point here, and nowhere else. */
  marketplaceUrl: string;
  bootstrapKey: string | undefined;
  /** Seals personal data at rest; without it, a key file in the data folder. */
  dataKey: string | undefined;
  /** The key being rotated away from: still opens contacts until the rotation finishes. */
  previousDataKey: string | undefined;
  /** Pages whose scripts (the widget) may call the buyer procedures: a list, `*`, or none. */
  corsOrigins: "*" | string[];
  /** The console's built files, served at /console. */
  consoleDir: string;
  publisher: PublisherConfig;
  /** Where EULA files are kept (`OFFERKIT_BLOB_STORE`). */
  blobStore: StoreConfig;
  /**
   * Where the support contacts' own keys are kept (`OFFERKIT_CONTACT_KEY_STORE`), so a fleet may
   * share nothing on disk. Never the database, whose backups would keep a deleted contact's key.
   */
  contactKeyStore: StoreConfig;
  logLevel: LogLevel;
  /** Unset: pretty on a terminal, JSON otherwise. */
  logFormat: LogFormat | undefined;
  /**
   * Requests a minute, per server: per address on the redirect, per buyer token on buyer calls
   * and contact writes, per address for calls with an unknown credential; 0 is no limit.
   */
  rateLimits: { redirect: number; buyer: number; contacts: number; authFailures: number };
  /** How many proxies (load balancers) in front append to X-Forwarded-For; 0 reads the socket's peer. */
  trustedProxies: number;
  /** The longest one database statement (PostgreSQL) or a readiness check may take, in ms. */
  dbTimeoutMs: number;
  /** Whether this server delivers webhooks (events are written either way), and how. */
  webhooks: {
    deliver: boolean;
    settings: WebhookSettings;
    /** Which addresses deliveries may reach, how long an attempt may take, how many redirects it follows. */
    poster: { allowPrivateNetworks: boolean; allowedNetworks: string[]; timeoutMs: number; maxRedirects: number };
  };
}

/**
 * Reads every setting once, at start-up. A bad setting stops the server with one line naming
 * it, rather than failing later in a request.
 */
export function loadConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid setting ${String(issue?.path[0] ?? "?")}: ${issue?.message ?? "invalid"}`);
  }
  const settings = parsed.data;
  if (settings.DATABASE_URL && !settings.OFFERKIT_DATA_KEY) {
    throw new Error("Invalid setting OFFERKIT_DATA_KEY: required with DATABASE_URL, so that every server on the database seals contacts with the same key");
  }
  if (settings.OFFERKIT_PREVIOUS_DATA_KEY && !settings.OFFERKIT_DATA_KEY) {
    throw new Error("Invalid setting OFFERKIT_PREVIOUS_DATA_KEY: set it only with OFFERKIT_DATA_KEY, the key a rotation moves the contacts to");
  }
  if (settings.OFFERKIT_PUBLISHER === "aws" && !settings.OFFERKIT_AWS_EULA_BUCKET) {
    throw new Error("Invalid setting OFFERKIT_AWS_EULA_BUCKET: required with OFFERKIT_PUBLISHER=aws, the S3 bucket AWS Marketplace reads offers' EULAs from");
  }
  const s3 = s3Connection(settings, env.AWS_REGION);
  const store = (bucket: { bucket: string; prefix: string } | undefined): StoreConfig => (bucket ? { kind: "s3", ...bucket, ...s3 } : { kind: "files" });
  const blobStore = store(settings.OFFERKIT_BLOB_STORE);
  const contactKeyStore = store(settings.OFFERKIT_CONTACT_KEY_STORE);
  const publicUrl = settings.OFFERKIT_PUBLIC_URL?.replace(/\/+$/, "") ?? null;
  return {
    port: settings.PORT,
    host: settings.HOST,
    dataDir: resolve(settings.OFFERKIT_DATA_DIR),
    databaseUrl: settings.DATABASE_URL,
    publicUrl,
    eulaMaxBytes: settings.OFFERKIT_EULA_MAX_BYTES,
    marketplaceUrl: settings.OFFERKIT_MARKETPLACE_URL ?? DEFAULT_MARKETPLACE_URL,
    bootstrapKey: settings.OFFERKIT_BOOTSTRAP_KEY,
    dataKey: settings.OFFERKIT_DATA_KEY,
    previousDataKey: settings.OFFERKIT_PREVIOUS_DATA_KEY,
    corsOrigins: settings.OFFERKIT_CORS_ORIGINS ?? [],
    consoleDir: settings.OFFERKIT_CONSOLE_DIR ? resolve(settings.OFFERKIT_CONSOLE_DIR) : DEFAULT_CONSOLE_DIR,
    logLevel: settings.OFFERKIT_LOG_LEVEL ?? "info",
    logFormat: settings.OFFERKIT_LOG_FORMAT,
    trustedProxies: settings.OFFERKIT_TRUST_PROXY,
    rateLimits: {
      redirect: settings.OFFERKIT_RATE_LIMIT_REDIRECT,
      buyer: settings.OFFERKIT_RATE_LIMIT_BUYER,
      contacts: settings.OFFERKIT_RATE_LIMIT_CONTACTS,
      authFailures: settings.OFFERKIT_RATE_LIMIT_AUTH_FAILURES,
    },
    dbTimeoutMs: settings.OFFERKIT_DB_TIMEOUT_MS,
    webhooks: {
      deliver: settings.OFFERKIT_WEBHOOKS === "on",
      settings: {
        ...defaultWebhookSettings,
        retryBaseMs: settings.OFFERKIT_WEBHOOK_RETRY_BASE_MS,
        logRetentionDays: settings.OFFERKIT_WEBHOOK_LOG_RETENTION_DAYS,
        // Past the longest attempt (every redirect within the one deadline), with room to log it.
        leaseMs: settings.OFFERKIT_WEBHOOK_TIMEOUT_MS + 5_000,
      },
      poster: {
        allowPrivateNetworks: settings.OFFERKIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS ?? false,
        allowedNetworks: settings.OFFERKIT_WEBHOOK_ALLOWED_NETWORKS ?? [],
        timeoutMs: settings.OFFERKIT_WEBHOOK_TIMEOUT_MS,
        maxRedirects: settings.OFFERKIT_WEBHOOK_MAX_REDIRECTS,
      },
    },
    blobStore,
    contactKeyStore,
    publisher:
      settings.OFFERKIT_PUBLISHER === "aws" && settings.OFFERKIT_AWS_EULA_BUCKET
        ? {
            kind: "aws",
            // The Catalog and Agreement APIs of AWS Marketplace answer in us-east-1.
            region: settings.OFFERKIT_AWS_REGION ?? "us-east-1",
            eulaBucket: settings.OFFERKIT_AWS_EULA_BUCKET,
            eulaKeyPrefix: settings.OFFERKIT_AWS_EULA_PREFIX,
            eulaUrl: settings.OFFERKIT_AWS_EULA_URL,
          }
        : { kind: "local" },
  };
}

/** The S3 settings only mean something with an S3 store: set without one, they are a mistake. */
function s3Connection(settings: z.output<typeof envSchema>, awsRegion: string | undefined): Omit<S3Location, "bucket" | "prefix"> {
  if (!settings.OFFERKIT_BLOB_STORE && !settings.OFFERKIT_CONTACT_KEY_STORE) {
    for (const name of ["OFFERKIT_S3_ENDPOINT", "OFFERKIT_S3_FORCE_PATH_STYLE"] as const) {
      if (settings[name] !== undefined) throw new Error(`Invalid setting ${name}: set it only with OFFERKIT_BLOB_STORE or OFFERKIT_CONTACT_KEY_STORE (s3://bucket/prefix)`);
    }
    return { endpoint: undefined, forcePathStyle: false, region: undefined };
  }
  const endpoint = settings.OFFERKIT_S3_ENDPOINT?.replace(/\/+$/, "");
  // Non-AWS stores name their regions as they like (R2's is "auto"); AWS's have one shape.
  const region = awsRegion ? (endpoint ? z.string().regex(/^[\w-]{1,50}$/, "must be a region name") : awsRegionSchema).safeParse(awsRegion) : null;
  if (region && !region.success) throw new Error(`Invalid setting AWS_REGION: ${region.error.issues[0]?.message ?? "invalid"}`);
  return { endpoint, forcePathStyle: settings.OFFERKIT_S3_FORCE_PATH_STYLE ?? false, region: region?.data };
}
