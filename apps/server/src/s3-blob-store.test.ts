import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDialects } from "@offerkit/db/testing";
import { createS3BlobStore, type S3BlobStore } from "@offerkit/eula/s3";
import { S3_TEST_CREDENTIALS, startS3Server, type S3TestServer } from "@offerkit/eula/testing";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { seedBuyerScenario, type BuyerScenario } from "@offerkit/test-server/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { startServersOnPostgres, trpcClient } from "./test-server";

const BUCKET = "offerkit-eulas";

describe("the EULA store settings", () => {
  it("reads s3://bucket/prefix, the endpoint, path style and AWS_REGION", () => {
    expect(loadConfig({}).blobStore).toEqual({ kind: "files" });
    expect(
      loadConfig({
        OFFERKIT_BLOB_STORE: "s3://offerkit-eulas/eulas/v1/",
        OFFERKIT_S3_ENDPOINT: "http://127.0.0.1:9000/",
        OFFERKIT_S3_FORCE_PATH_STYLE: "true",
        AWS_REGION: "garage",
      }).blobStore,
    ).toEqual({ kind: "s3", bucket: "offerkit-eulas", prefix: "eulas/v1", endpoint: "http://127.0.0.1:9000", forcePathStyle: true, region: "garage" });
    expect(loadConfig({ OFFERKIT_BLOB_STORE: "s3://offerkit-eulas", AWS_REGION: "eu-west-1" }).blobStore).toEqual({
      kind: "s3",
      bucket: "offerkit-eulas",
      prefix: "",
      endpoint: undefined,
      forcePathStyle: false,
      region: "eu-west-1",
    });
  });

  it.each([
    [{ OFFERKIT_BLOB_STORE: "https://offerkit-eulas.s3.amazonaws.com" }, /^Invalid setting OFFERKIT_BLOB_STORE: must be s3:\/\/bucket or s3:\/\/bucket\/prefix/],
    [{ OFFERKIT_BLOB_STORE: "s3://Offerkit_EULAs/x" }, /^Invalid setting OFFERKIT_BLOB_STORE: must be an S3 bucket name/],
    [{ OFFERKIT_BLOB_STORE: "s3://offerkit-eulas/a//b" }, /^Invalid setting OFFERKIT_BLOB_STORE: must have a prefix of folder names/],
    [{ OFFERKIT_BLOB_STORE: "s3://offerkit-eulas", OFFERKIT_S3_ENDPOINT: "minio:9000" }, /^Invalid setting OFFERKIT_S3_ENDPOINT: must be an http\(s\) URL/],
    [{ OFFERKIT_BLOB_STORE: "s3://offerkit-eulas", OFFERKIT_S3_FORCE_PATH_STYLE: "yes" }, /^Invalid setting OFFERKIT_S3_FORCE_PATH_STYLE: must be true or false/],
    [{ OFFERKIT_S3_ENDPOINT: "http://127.0.0.1:9000" }, /^Invalid setting OFFERKIT_S3_ENDPOINT: set it only with OFFERKIT_BLOB_STORE or OFFERKIT_CONTACT_KEY_STORE \(s3:/],
    [{ OFFERKIT_BLOB_STORE: "s3://offerkit-eulas", AWS_REGION: "the moon" }, /^Invalid setting AWS_REGION: must be an AWS region/],
  ])("refuses %j, naming the setting", (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

/** SHA-256 of a response's body, and its length. */
async function download(url: string, secret: string): Promise<{ status: number; sha256: string; size: number; header: string | null }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${secret}` } });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.byteLength, header: response.headers.get("x-content-sha256") };
}

describe("servers keeping EULAs in S3 (s3rver)", () => {
  let s3: S3TestServer;
  let bucket: S3BlobStore;
  const prefix = `eulas/${randomBytes(4).toString("hex")}`;
  const s3Env = () => ({
    OFFERKIT_BLOB_STORE: `s3://${BUCKET}/${prefix}`,
    OFFERKIT_S3_ENDPOINT: s3.endpoint,
    OFFERKIT_S3_FORCE_PATH_STYLE: "true",
    AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
  });

  beforeAll(async () => {
    s3 = await startS3Server([BUCKET]);
    // What an operator would look at: the bucket itself, through S3's API.
    bucket = createS3BlobStore({ bucket: BUCKET, prefix, endpoint: s3.endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
  }, 60_000);

  afterAll(async () => {
    bucket.close();
    await s3.stop();
  });

  describe("one server on SQLite", () => {
    let server: ServerProcess;
    let scenario: BuyerScenario;
    let eulaSha256: string;

    beforeAll(async () => {
      server = await startServerProcess(s3Env());
      scenario = await seedBuyerScenario(server.url);
      const offer = await trpcClient(server.url, ADMIN_KEY).offers.get.query({ offerId: scenario.offerId });
      if (!offer.eula) throw new Error("The seeded offer has no EULA");
      eulaSha256 = offer.eula.sha256;
    }, 120_000);

    afterAll(async () => {
      await server.stop();
      rmSync(server.dataDir, { recursive: true, force: true });
    });

    it("stores the uploaded EULA in the bucket, and serves it back byte for byte", async () => {
      const stored = await bucket.get(eulaSha256);
      expect(stored?.byteLength).toBeGreaterThan(0);
      const served = await download(`${server.url}/eula/${eulaSha256}`, ADMIN_KEY);
      expect(served).toMatchObject({ status: 200, sha256: eulaSha256, size: stored?.byteLength, header: eulaSha256 });
    });

    it("stores a buyer's stamped copy in the bucket too, and nothing in the data folder", async () => {
      const copy = await download(`${server.url}/buyer/offers/${scenario.offerId}/eula`, scenario.targetedToken);
      expect(copy.status).toBe(200);
      expect(copy.sha256).not.toBe(eulaSha256);
      expect(copy.header).toBe(copy.sha256);
      expect(await bucket.has(copy.sha256)).toBe(true);
      expect(existsSync(join(server.dataDir, "blobs"))).toBe(false);
    });
  });

  it("does not start when the bucket does not answer, and says which setting to look at", { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "offerkit-s3-refused-"));
    try {
      const failure = await startServerProcess({ ...s3Env(), OFFERKIT_BLOB_STORE: "s3://no-such-bucket" }, { dataDir }).catch((error: unknown) => error);
      expect(failure instanceof Error ? failure.message : "").toMatch(/The EULA store of OFFERKIT_BLOB_STORE cannot be used: The blob store s3:\/\/no-such-bucket at http:\/\/127\.0\.0\.1:\d+ failed to answer for its bucket: .*404/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  // Under CI this throws when no PostgreSQL is named, so the suite can never be skipped there.
  describe.skipIf(!testDialects().includes("postgres"))("two servers on one PostgreSQL database and one bucket", () => {
    let fleet: Awaited<ReturnType<typeof startServersOnPostgres>> | undefined;
    let servers: ServerProcess[] = [];

    beforeAll(async () => {
      // Each with a data folder of its own: nothing on disk is shared.
      fleet = await startServersOnPostgres(2, s3Env());
      servers = fleet.servers;
    }, 120_000);

    afterAll(async () => fleet?.stop(), 60_000);

    it("serves from one what the other stored", { timeout: 60_000 }, async () => {
      const [first, second] = servers;
      if (!first || !second) throw new Error("The servers did not start");
      const scenario = await seedBuyerScenario(first.url);
      const offer = await trpcClient(second.url, ADMIN_KEY).offers.get.query({ offerId: scenario.offerId });
      const eulaSha256 = offer.eula?.sha256;
      if (!eulaSha256) throw new Error("The seeded offer has no EULA");
      expect(await download(`${second.url}/eula/${eulaSha256}`, ADMIN_KEY)).toMatchObject({ status: 200, sha256: eulaSha256 });
      // The copy is made by the second server, and the first serves it from the bucket.
      const made = await download(`${second.url}/buyer/offers/${scenario.offerId}/eula`, scenario.targetedToken);
      const served = await download(`${first.url}/buyer/offers/${scenario.offerId}/eula`, scenario.targetedToken);
      expect(made.status).toBe(200);
      expect(served).toEqual(made);
      expect(await bucket.has(made.sha256)).toBe(true);
      for (const running of servers) expect(existsSync(join(running.dataDir, "blobs"))).toBe(false);
    });
  });
});
