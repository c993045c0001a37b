import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startReceiver, TestClock } from "@offerkit/api/testing";
import { openDatabase } from "@offerkit/db";
import { createEmptyPostgresDatabase, testDialects, type EmptyPostgresDatabase } from "@offerkit/db/testing";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { runKeyRotation } from "./key-rotation";
import { createLogger } from "./observability/logger";
import { startServer } from "./start-server";
import { BOOTSTRAP_KEY, trpcClient } from "./test-server";

const newKey = () => randomBytes(32).toString("base64");
const contact = (n: number) => ({ givenName: "Ada", surname: `Keyholder${n}`, organization: "Analytical Engines", email: `ada.${n}@engines.example`, phone: `+1 206 555 01${String(n % 100).padStart(2, "0")}` });

describe.each(testDialects())("data keys on %s", (dialect) => {
  let dataDir: string;
  let postgres: EmptyPostgresDatabase | null = null;
  const warnings: string[] = [];
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "offerkit-keys-"));
    postgres = dialect === "postgres" ? await createEmptyPostgresDatabase() : null;
    warnings.length = 0;
  });
  afterEach(async () => {
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const settings = (keys: Record<string, string>) =>
    loadConfig({
      PORT: "0",
      OFFERKIT_DATA_DIR: dataDir,
      OFFERKIT_BOOTSTRAP_KEY: BOOTSTRAP_KEY,
      OFFERKIT_WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
      ...(postgres ? { DATABASE_URL: postgres.url } : {}),
      ...keys,
    });
  const start = (keys: Record<string, string>) =>
    startServer(settings(keys), {
      // Now, not a fixed day: signatures are judged by the real clock.
      clock: new TestClock(new Date(Math.floor(Date.now() / 1000) * 1000).toISOString()),
      logger: createLogger("warn", { write: (line: string) => void warnings.push(line) }),
    });

  /** The demo seller's free product, enrolled; `accounts` buyers with `perAccount` contacts each. */
  async function shareContacts(url: string, accounts: number, perAccount: number) {
    const admin = trpcClient(url, BOOTSTRAP_KEY);
    const product = (await admin.products.list.query({ limit: 100 })).items.find((item) => item.asin === "B0DEMO0002");
    if (!product) throw new Error("demo product missing");
    await admin.products.setSupportConnection.mutate({ productId: product.id, enrolled: true });
    const buyers = [];
    for (let a = 0; a < accounts; a += 1) {
      const token = await admin.admin.buyerTokens.issue.mutate({ account: `5000000000${String(a).padStart(2, "0")}` });
      const buyer = trpcClient(url, token.secret);
      const subscription = await buyer.buyer.subscriptions.subscribe.mutate({ asin: "B0DEMO0002" });
      for (let n = 0; n < perAccount; n += 1) {
        await buyer.buyer.contacts.share.mutate({ subscriptionId: subscription.id, consent: true, contact: contact(a * 10 + n) });
      }
      buyers.push({ token: token.secret, subscriptionId: subscription.id });
    }
    const reader = await admin.admin.apiKeys.create.mutate({ name: "crm", scopes: ["contacts:read"] });
    return { buyers, reader: reader.secret };
  }

  /** A webhook endpoint whose secret was rotated with an overlap: two secrets sign its deliveries. */
  async function endpointWithTwoSecrets(url: string, receiverUrl: string) {
    const admin = trpcClient(url, BOOTSTRAP_KEY);
    const { endpoint, secret } = await admin.webhooks.create.mutate({ url: receiverUrl, eventTypes: ["offer.sent"] });
    const rotated = await admin.webhooks.rotateSecret.mutate({ endpointId: endpoint.id, overlapHours: 24 });
    return { endpointId: endpoint.id, secrets: [secret, rotated.secret] };
  }

  /** Sends the endpoint a test event; answers which of `secrets` its signature verifies under. */
  async function signsWith(url: string, receiver: Awaited<ReturnType<typeof startReceiver>>, endpointId: string, secrets: string[]) {
    receiver.received.length = 0;
    expect((await trpcClient(url, BOOTSTRAP_KEY).webhooks.sendTest.mutate({ endpointId })).delivered).toBe(true);
    const [request] = receiver.received;
    if (!request) throw new Error("Nothing arrived");
    const headers = { "webhook-id": String(request.headers["webhook-id"]), "webhook-timestamp": String(request.headers["webhook-timestamp"]), "webhook-signature": String(request.headers["webhook-signature"]) };
    return secrets.map((secret) => {
      try {
        new Webhook(secret).verify(request.body, headers);
        return true;
      } catch {
        return false;
      }
    });
  }

  /** The servers' database, opened beside them as an operator's tool would. */
  const openData = () => openDatabase(postgres ? { databaseUrl: postgres.url, dataDir } : { dataDir });

  const storedSecrets = async () => {
    const database = openData();
    try {
      return await database.db.selectFrom("webhook_endpoints").select(["id", "secret", "previous_secret"]).execute();
    } finally {
      await database.close();
    }
  };

  it("seals at start the webhook secrets a database kept unsealed, and they sign as before", { timeout: 60_000 }, async () => {
    const receiver = await startReceiver();
    try {
      const key = newKey();
      const first = await start({ OFFERKIT_DATA_KEY: key });
      const { endpointId } = await endpointWithTwoSecrets(first.url, receiver.url);
      await first.close();
      // As a server from before sealing left them.
      const database = openData();
      const unsealed = [`whsec_${randomBytes(32).toString("base64")}`, `whsec_${randomBytes(32).toString("base64")}`];
      await database.db.updateTable("webhook_endpoints").set({ secret: unsealed[0], previous_secret: unsealed[1] }).where("id", "=", endpointId).execute();
      await database.close();

      const again = await start({ OFFERKIT_DATA_KEY: key });
      expect(JSON.stringify(await storedSecrets())).not.toContain("whsec_");
      expect(await signsWith(again.url, receiver, endpointId, unsealed)).toEqual([true, true]);
      await again.close();
    } finally {
      await receiver.close();
    }
  });

  it("refuses to start when its key does not open the data, naming the setting and the fix", { timeout: 60_000 }, async () => {
    const keyA = newKey();
    const first = await start({ OFFERKIT_DATA_KEY: keyA });
    const { reader } = await shareContacts(first.url, 1, 2);
    await first.close();

    await expect(start({ OFFERKIT_DATA_KEY: newKey() })).rejects.toThrow(
      /^Invalid setting OFFERKIT_DATA_KEY: it does not open the existing data .*Set OFFERKIT_DATA_KEY to the key the data was sealed with/,
    );
    const again = await start({ OFFERKIT_DATA_KEY: keyA });
    const feed = await trpcClient(again.url, reader).contacts.changes.query();
    expect([feed.changes.length, feed.unreadable]).toEqual([2, []]);
    await again.close();
  });

  it("makes a key file only for an empty database, and never replaces a lost one", { timeout: 60_000 }, async () => {
    if (postgres) return expect(() => settings({})).toThrow(/OFFERKIT_DATA_KEY: required with DATABASE_URL/);
    const first = await start({});
    const keyFile = join(dataDir, "data.key");
    expect(existsSync(keyFile)).toBe(true);
    await shareContacts(first.url, 1, 1);
    await first.close();
    unlinkSync(keyFile);
    await expect(start({})).rejects.toThrow(/^Missing data key: .*data\.key does not exist and OFFERKIT_DATA_KEY is not set.*Restore that file/);
    expect(existsSync(keyFile)).toBe(false);
  });

  // Real files, a database dump and a server under load: seconds alone, more when the cores are shared.
  it("rotates every contact key to a new master key while the server serves, no contact unreadable at any moment", { timeout: 60_000 }, async () => {
    const oldKey = newKey();
    const first = await start({ OFFERKIT_DATA_KEY: oldKey });
    const { buyers, reader } = await shareContacts(first.url, 8, 5);
    const receiver = await startReceiver();
    const webhook = await endpointWithTwoSecrets(first.url, receiver.url);
    await first.close();

    const rotatingKey = newKey();
    const keys = { OFFERKIT_DATA_KEY: rotatingKey, OFFERKIT_PREVIOUS_DATA_KEY: oldKey };
    const server = await start(keys);
    const seller = trpcClient(server.url, reader);
    const spare = await (async () => {
      const admin = trpcClient(server.url, BOOTSTRAP_KEY);
      const token = await admin.admin.buyerTokens.issue.mutate({ account: "599999999999" });
      const buyer = trpcClient(server.url, token.secret);
      return { buyer, subscription: await buyer.buyer.subscriptions.subscribe.mutate({ asin: "B0DEMO0002" }) };
    })();

    let rotating = true;
    const seen: { changes: number; unreadable: number; listed: number; during: boolean }[] = [];
    const load = (async () => {
      for (let round = 0; rotating || round < 3; round += 1) {
        const during = rotating;
        const [feed, listed] = await Promise.all([
          seller.contacts.changes.query({ limit: 1000 }),
          trpcClient(server.url, buyers[round % buyers.length]?.token ?? "").buyer.contacts.list.query(),
        ]);
        seen.push({ changes: feed.changes.filter((change) => change.operation !== "DELETE").length, unreadable: feed.unreadable.length, listed: listed.length, during });
        const added = await spare.buyer.buyer.contacts.share.mutate({ subscriptionId: spare.subscription.id, consent: true, contact: contact(90 + (round % 10)) });
        await spare.buyer.buyer.contacts.delete.mutate({ contactId: added.id });
      }
    })();
    const result = await runKeyRotation(settings(keys));
    rotating = false;
    await load;

    expect(result).toMatchObject({ rewrapped: 40, webhookSecretsResealed: 1, unreadable: [], remaining: 0, finished: true });
    // The load ran through the rotation, not only around it.
    expect(seen.filter((round) => round.during).length).toBeGreaterThanOrEqual(2);
    expect(seen.every((round) => round.unreadable === 0 && round.changes === 40 && round.listed === 5)).toBe(true);
    expect(warnings.filter((line) => line.includes("cannot be read"))).toEqual([]);
    await server.close();

    // The data needs the new key only; the old one opens nothing any more.
    const after = await start({ OFFERKIT_DATA_KEY: rotatingKey });
    const feed = await trpcClient(after.url, reader).contacts.changes.query({ limit: 1000 });
    expect([feed.changes.filter((change) => change.operation !== "DELETE").length, feed.unreadable]).toEqual([40, []]);
    expect(await signsWith(after.url, receiver, webhook.endpointId, webhook.secrets)).toEqual([true, true]);
    await receiver.close();
    await after.close();
    await expect(start({ OFFERKIT_DATA_KEY: oldKey })).rejects.toThrow(/^Invalid setting OFFERKIT_DATA_KEY: it does not open the existing data/);
    const reminded = await start(keys);
    expect(warnings.some((line) => line.includes("OFFERKIT_PREVIOUS_DATA_KEY is no longer needed"))).toBe(true);
    await reminded.close();
  });
});
