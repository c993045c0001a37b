import { startServerProcess } from "@offerkit/test-server";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";

describe("configuration", () => {
  it("has working defaults for the embedded setup", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: "127.0.0.1", eulaMaxBytes: 10 * 1024 * 1024, publicUrl: null });
    expect(config.dataDir.endsWith(".offerkit")).toBe(true);
    expect(config.databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: "http" }, "Invalid setting PORT"],
    [{ DATABASE_URL: "mysql://x" }, "Invalid setting DATABASE_URL: must be a postgres:// URL"],
    [{ OFFERKIT_EULA_MAX_BYTES: "-5" }, "Invalid setting OFFERKIT_EULA_MAX_BYTES"],
    [{ OFFERKIT_BOOTSTRAP_KEY: "short" }, "Invalid setting OFFERKIT_BOOTSTRAP_KEY: must be at least 16 characters"],
    [{ OFFERKIT_PUBLIC_URL: "javascript:alert(1)" }, "Invalid setting OFFERKIT_PUBLIC_URL"],
    [{ OFFERKIT_DATA_KEY: "c2hvcnQ=" }, "Invalid setting OFFERKIT_DATA_KEY: must be 32 random bytes in base64"],
    [{ OFFERKIT_MARKETPLACE_URL: "https://evil.example/?next=" }, "Invalid setting OFFERKIT_MARKETPLACE_URL"],
    [{ DATABASE_URL: "postgres://db.example/offerkit" }, "Invalid setting OFFERKIT_DATA_KEY: required with DATABASE_URL"],
    [{ OFFERKIT_CORS_ORIGINS: "https://www.acme.example/shop" }, "Invalid setting OFFERKIT_CORS_ORIGINS: each origin is scheme://host[:port]"],
    [{ OFFERKIT_CORS_ORIGINS: "https://www.acme.example,*" }, "Invalid setting OFFERKIT_CORS_ORIGINS"],
    [{ OFFERKIT_CORS_ORIGINS: "javascript:alert(1)" }, "Invalid setting OFFERKIT_CORS_ORIGINS"],
    [{ OFFERKIT_TRUST_PROXY: "-1" }, "Invalid setting OFFERKIT_TRUST_PROXY: must be 0 or more proxies"],
    [{ OFFERKIT_TRUST_PROXY: "yes" }, "Invalid setting OFFERKIT_TRUST_PROXY"],
    [{ OFFERKIT_PUBLISHER: "azure" }, "Invalid setting OFFERKIT_PUBLISHER: must be local or aws"],
    [{ OFFERKIT_LOG_LEVEL: "loud" }, "Invalid setting OFFERKIT_LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent"],
    [{ OFFERKIT_DB_TIMEOUT_MS: "soon" }, "Invalid setting OFFERKIT_DB_TIMEOUT_MS: must be a number of milliseconds"],
    [{ OFFERKIT_DB_TIMEOUT_MS: "10" }, "Invalid setting OFFERKIT_DB_TIMEOUT_MS: must be at least 100 (ms)"],
    [{ OFFERKIT_RATE_LIMIT_REDIRECT: "lots" }, "Invalid setting OFFERKIT_RATE_LIMIT_REDIRECT: must be a number of requests per minute"],
    [{ OFFERKIT_RATE_LIMIT_BUYER: "-1" }, "Invalid setting OFFERKIT_RATE_LIMIT_BUYER: must be 0 (no limit) or more"],
    [{ OFFERKIT_RATE_LIMIT_CONTACTS: "2.5" }, "Invalid setting OFFERKIT_RATE_LIMIT_CONTACTS: must be a whole number of requests per minute"],
    [{ OFFERKIT_PUBLISHER: "aws" }, "Invalid setting OFFERKIT_AWS_EULA_BUCKET: required with OFFERKIT_PUBLISHER=aws"],
    [{ OFFERKIT_PUBLISHER: "aws", OFFERKIT_AWS_EULA_BUCKET: "Acme_EULAs" }, "Invalid setting OFFERKIT_AWS_EULA_BUCKET: must be an S3 bucket name"],
    [{ OFFERKIT_PUBLISHER: "aws", OFFERKIT_AWS_EULA_BUCKET: "acme-eulas", OFFERKIT_AWS_REGION: "virginia" }, "Invalid setting OFFERKIT_AWS_REGION: must be an AWS region"],
    [{ OFFERKIT_WEBHOOK_ALLOWED_NETWORKS: "10.20.0.0/16, 10.30.0.0" }, "Invalid setting OFFERKIT_WEBHOOK_ALLOWED_NETWORKS: each range is an address and a prefix length, e.g. 10.20.0.0/16"],
  ])("stops on a bad setting with one line naming it: %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("reads the widget's allowed origins as a list or *", () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ OFFERKIT_CORS_ORIGINS: "https://www.acme.example/, http://localhost:5173" }).corsOrigins).toEqual([
      "https://www.acme.example",
      "http://localhost:5173",
    ]);
    expect(loadConfig({ OFFERKIT_CORS_ORIGINS: "*" }).corsOrigins).toBe("*");
  });

  it("reaches no private address from webhooks unless told, all of them or the ranges named", () => {
    expect(loadConfig({}).webhooks.poster).toMatchObject({ allowPrivateNetworks: false, allowedNetworks: [] });
    expect(loadConfig({ OFFERKIT_WEBHOOK_ALLOWED_NETWORKS: " 10.20.0.0/16, fd00:1::/64," }).webhooks.poster.allowedNetworks).toEqual(["10.20.0.0/16", "fd00:1::/64"]);
    expect(loadConfig({ OFFERKIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true" }).webhooks.poster.allowPrivateNetworks).toBe(true);
  });

  it("publishes locally unless told to publish to AWS, in us-east-1 unless told otherwise", () => {
    expect(loadConfig({}).publisher).toEqual({ kind: "local" });
    expect(loadConfig({ OFFERKIT_PUBLISHER: "local", OFFERKIT_AWS_EULA_BUCKET: "ignored-bucket" }).publisher).toEqual({ kind: "local" });
    expect(loadConfig({ OFFERKIT_PUBLISHER: "aws", OFFERKIT_AWS_EULA_BUCKET: "acme-eulas" }).publisher).toEqual({
      kind: "aws",
      region: "us-east-1",
      eulaBucket: "acme-eulas",
      eulaKeyPrefix: undefined,
      eulaUrl: "public",
    });
    expect(
      loadConfig({ OFFERKIT_PUBLISHER: "aws", OFFERKIT_AWS_EULA_BUCKET: "acme-eulas", OFFERKIT_AWS_REGION: "eu-west-1", OFFERKIT_AWS_EULA_PREFIX: "legal/eulas/" })
        .publisher,
    ).toMatchObject({ region: "eu-west-1", eulaKeyPrefix: "legal/eulas/" });
    expect(loadConfig({ OFFERKIT_PUBLISHER: "aws", OFFERKIT_AWS_EULA_BUCKET: "acme-eulas", OFFERKIT_AWS_EULA_URL: "presigned" }).publisher).toMatchObject({
      eulaUrl: "presigned",
    });
    expect(() => loadConfig({ OFFERKIT_AWS_EULA_URL: "signed" })).toThrow("OFFERKIT_AWS_EULA_URL: must be public or presigned");
  });

  it("drops a trailing slash from the public URL", () => {
    expect(loadConfig({ OFFERKIT_PUBLIC_URL: "https://offers.acme.example/" }).publicUrl).toBe("https://offers.acme.example");
  });

  it("reads rate limits per minute, 0 turning one off, an empty value meaning the default", () => {
    expect(loadConfig({}).rateLimits).toEqual({ redirect: 600, buyer: 300, contacts: 20, authFailures: 30 });
    expect(loadConfig({ OFFERKIT_RATE_LIMIT_REDIRECT: "0", OFFERKIT_RATE_LIMIT_BUYER: "", OFFERKIT_RATE_LIMIT_CONTACTS: "3", OFFERKIT_RATE_LIMIT_AUTH_FAILURES: "5" }).rateLimits).toEqual({
      redirect: 0,
      buyer: 300,
      contacts: 3,
      authFailures: 5,
    });
  });

  it("stops the real server with exactly one line naming the bad setting", async () => {
    const started = startServerProcess({ OFFERKIT_DB_TIMEOUT_MS: "soon" });
    await expect(started).rejects.toThrow(/exited with 1:\nInvalid setting OFFERKIT_DB_TIMEOUT_MS: must be a number of milliseconds\n$/);
  }, 30_000);
});
