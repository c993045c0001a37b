import { randomBytes } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createS3KeyStore, type S3KeyStore } from "@offerkit/api/s3-key-store";
import { testDialects } from "@offerkit/db/testing";
import { S3_TEST_CREDENTIALS, startS3Server, type S3TestServer } from "@offerkit/eula/testing";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { seedBuyerScenario } from "@offerkit/test-server/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServersOnPostgres, trpcClient } from "./test-server";

const BUCKET = "offerkit";
const contact = { givenName: "Ada", surname: "Lovelace", organization: "Analytical Engines", email: "ada@engines.example", phone: "+1 206 555 0100" };

describe("support contacts' keys in S3 (s3rver)", () => {
  let s3: S3TestServer;
  let keys: S3KeyStore;
  const run = randomBytes(4).toString("hex");
  const s3Env = () => ({
    OFFERKIT_BLOB_STORE: `s3://${BUCKET}/eulas-${run}`,
    OFFERKIT_CONTACT_KEY_STORE: `s3://${BUCKET}/contact-keys-${run}`,
    OFFERKIT_S3_ENDPOINT: s3.endpoint,
    OFFERKIT_S3_FORCE_PATH_STYLE: "true",
    AWS_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
  });

  beforeAll(async () => {
    s3 = await startS3Server([BUCKET]);
    // What an operator would look at: the objects themselves, through S3's API.
    keys = createS3KeyStore({ bucket: BUCKET, prefix: `contact-keys-${run}`, endpoint: s3.endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
  }, 60_000);

  afterAll(async () => {
    keys.close();
    await s3.stop();
  });

  /** A contact shared through `url` for the seeded subscription; its ID. */
  async function share(url: string): Promise<{ contactId: string; token: string }> {
    const scenario = await seedBuyerScenario(url);
    const buyer = trpcClient(url, scenario.targetedToken);
    const shared = await buyer.buyer.contacts.share.mutate({ subscriptionId: scenario.subscriptionId, consent: true, contact });
    return { contactId: shared.id, token: scenario.targetedToken };
  }

  it("keeps each contact's key as an object, none in the data folder, and removes it with the contact", { timeout: 120_000 }, async () => {
    const server = await startServerProcess(s3Env());
    try {
      const { contactId, token } = await share(server.url);
      expect((await keys.list()).map((name) => name.contactId)).toEqual([contactId]);
      expect(existsSync(join(server.dataDir, "contact-keys"))).toBe(false);
      expect(existsSync(join(server.dataDir, "blobs"))).toBe(false);
      const buyer = trpcClient(server.url, token);
      expect((await buyer.buyer.contacts.list.query()).map((shared) => shared.surname)).toEqual(["Lovelace"]);

      await buyer.buyer.contacts.delete.mutate({ contactId });
      // Crypto-shredding: the key is gone, so no copy of the row can be opened again.
      expect((await keys.list()).map((name) => name.contactId)).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it("does not start when the key bucket does not answer, naming the setting", { timeout: 60_000 }, async () => {
    const failure = await startServerProcess({ ...s3Env(), OFFERKIT_CONTACT_KEY_STORE: "s3://no-such-bucket/keys" }).catch((error: unknown) => error);
    expect(failure instanceof Error ? failure.message : "").toMatch(/Invalid setting OFFERKIT_CONTACT_KEY_STORE: The contact key store s3:\/\/no-such-bucket\/keys at http:\/\/127\.0\.0\.1:\d+ failed to reach the bucket/);
  });

  // Under CI this throws when no PostgreSQL is named, so the suite can never be skipped there.
  describe.skipIf(!testDialects().includes("postgres"))("two servers on one PostgreSQL database, EULAs and keys in one bucket", () => {
    let fleet: Awaited<ReturnType<typeof startServersOnPostgres>> | undefined;
    let servers: ServerProcess[] = [];

    beforeAll(async () => {
      // Each with a data folder of its own: nothing on disk is shared.
      fleet = await startServersOnPostgres(2, s3Env());
      servers = fleet.servers;
    }, 120_000);

    afterAll(async () => fleet?.stop(), 60_000);

    it("opens on one the contact shared through the other, with no folder shared", { timeout: 60_000 }, async () => {
      const [first, second] = servers;
      if (!first || !second) throw new Error("The servers did not start");
      const { token } = await share(first.url);
      const reader = await trpcClient(first.url, ADMIN_KEY).admin.apiKeys.create.mutate({ name: "crm", scopes: ["contacts:read"] });
      const changes = await trpcClient(second.url, reader.secret).contacts.changes.query({});
      expect(changes.changes.map((change) => change.contact?.surname)).toContain("Lovelace");
      expect((await trpcClient(second.url, token).buyer.contacts.list.query()).map((shared) => shared.surname)).toEqual(["Lovelace"]);
      for (const running of servers) {
        expect(existsSync(join(running.dataDir, "contact-keys")), running.dataDir).toBe(false);
        expect(existsSync(join(running.dataDir, "blobs")), running.dataDir).toBe(false);
      }
      for (const running of servers) rmSync(running.dataDir, { recursive: true, force: true });
    });
  });
});
