import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { personalDataPattern } from "@offerkit/api/testing";
import type { OfferView } from "@offerkit/core";
import { openDatabase, type DialectName } from "@offerkit/db";
import { createEmptyPostgresDatabase, testDialects, type EmptyPostgresDatabase } from "@offerkit/db/testing";
import { makePdf } from "@offerkit/eula/testing";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { SUPPORT_ASIN } from "@offerkit/test-server/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { trpcClient } from "./test-server";

/** Bounded load: a few workers, a few rounds each, on loopback only. */
const WORKERS = 4;
const ROUNDS = 10;
/** The server is killed once this many sends were acknowledged, while the workers keep calling. */
const KILL_AFTER_SENDS = 12;

interface Acknowledged {
  created: string[];
  sent: OfferView[];
  agreements: { id: string; offerId: string }[];
  contacts: { id: string; token: string }[];
}

/** The terms a sent offer must still hold after the crash, exactly as its send answered them. */
const frozen = (offer: OfferView) => ({
  id: offer.id,
  productId: offer.productId,
  name: offer.name,
  description: offer.description,
  buyerAccounts: offer.buyerAccounts,
  pricing: offer.pricing,
  eula: offer.eula,
  agreement: offer.agreement,
  acceptanceDeadline: offer.acceptanceDeadline,
  refundPolicy: offer.refundPolicy,
  termsSha256: offer.termsSha256,
  sentAt: offer.sentAt,
});

describe.each(testDialects())("a server killed under load on %s", (dialect: DialectName) => {
  let database: EmptyPostgresDatabase | undefined;
  let dataDir: string;
  let env: Record<string, string>;
  const processes: ServerProcess[] = [];
  const start = async () => {
    const started = await startServerProcess(env, { dataDir });
    processes.push(started);
    return started;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "offerkit-crash-"));
    // The load is one client: the rate limits are off so that they refuse nothing here.
    env = { OFFERKIT_RATE_LIMIT_BUYER: "0", OFFERKIT_RATE_LIMIT_CONTACTS: "0" };
    if (dialect === "postgres") {
      database = await createEmptyPostgresDatabase();
      env = { ...env, DATABASE_URL: database.url, OFFERKIT_DATA_KEY: randomBytes(32).toString("base64") };
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((running) => running.stop()));
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("loses no acknowledged offer, acceptance or contact, and changes no sent offer", async () => {
    const first = await start();
    const seller = trpcClient(first.url, ADMIN_KEY);
    const products = await seller.products.list.query({ limit: 100 });
    const product = products.items.find((item) => item.asin === "B00635Y2IW");
    const support = products.items.find((item) => item.asin === SUPPORT_ASIN);
    if (!product || !support) throw new Error("The demo products are missing");
    await seller.products.setSupportConnection.mutate({ productId: support.id, enrolled: true });
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await makePdf(1, { text: "Crash EULA" }))], { type: "application/pdf" }), "eula.pdf");
    const eula = await seller.eula.upload.mutate(form);
    const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

    const acknowledged: Acknowledged = { created: [], sent: [], agreements: [], contacts: [] };
    let killing: Promise<void> | undefined;
    const worker = async (w: number) => {
      const account = `90000000000${w}`;
      const token = (await seller.admin.buyerTokens.issue.mutate({ account })).secret;
      const buyer = trpcClient(first.url, token);
      const subscription = await buyer.buyer.subscriptions.subscribe.mutate({ asin: SUPPORT_ASIN });
      try {
        for (let round = 0; round < ROUNDS; round += 1) {
          const draft = await seller.offers.create.mutate({
            productId: product.id,
            name: `Crash ${w}.${round}`,
            description: "Made under load",
            buyerAccounts: [account],
            pricing: { model: "saas_contract", contract: { seats: `${w + 1}.${round}`, storage_tb: "120" } },
            eulaSha256: eula.sha256,
            agreement: { kind: "duration", duration: "P12M" },
            acceptanceDeadline: deadline,
            refundPolicy: "Write to refunds@example.com within 30 days.",
            idempotencyKey: `crash-${w}-${round}`,
          });
          acknowledged.created.push(draft.id);
          const sent = await seller.offers.send.mutate({ offerId: draft.id });
          acknowledged.sent.push(sent);
          if (acknowledged.sent.length === KILL_AFTER_SENDS) killing = first.kill();
          const agreement = await buyer.buyer.offers.accept.mutate({ offerId: draft.id });
          acknowledged.agreements.push({ id: agreement.id, offerId: draft.id });
          if (round < 5) {
            const contact = await buyer.buyer.contacts.share.mutate({
              subscriptionId: subscription.id,
              consent: true,
              contact: {
                givenName: "Grace",
                surname: `Hopper${w}${round}`,
                title: "Rear Admiral",
                organization: "US Navy",
                email: `grace.${w}.${round}@navy.example`,
                phone: `+1 202 555 01${w}${round}`,
                countryCode: "US",
                postalCode: "20001",
              },
            });
            acknowledged.contacts.push({ id: contact.id, token });
          }
        }
      } catch (error) {
        // Only the kill may cut a worker short; what it had acknowledged is recorded above.
        if (!killing) throw error;
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    expect(killing, "the server should have been killed under load").toBeDefined();
    await killing;
    expect(acknowledged.sent.length).toBeGreaterThanOrEqual(KILL_AFTER_SENDS);

    const restarted = await start();
    expect((await fetch(`${restarted.url}/readyz`)).status).toBe(200);
    const after = trpcClient(restarted.url, ADMIN_KEY);
    for (const offerId of acknowledged.created) expect((await after.offers.get.query({ offerId })).id).toBe(offerId);
    for (const sent of acknowledged.sent) {
      const now = await after.offers.get.query({ offerId: sent.id });
      expect(frozen(now)).toEqual(frozen(sent));
      expect(["sent", "accepted"]).toContain(now.status);
    }
    const check = openDatabase({ databaseUrl: database?.url, dataDir, poolSize: 1 });
    try {
      const stored = await check.db.selectFrom("agreements").select(["id", "offer_id"]).execute();
      for (const agreement of acknowledged.agreements) expect(stored).toContainEqual({ id: agreement.id, offer_id: agreement.offerId });
    } finally {
      await check.close();
    }
    for (const contact of acknowledged.contacts) {
      const listed = await trpcClient(restarted.url, contact.token).buyer.contacts.list.query();
      expect(listed.map((item) => item.id)).toContain(contact.id);
    }
    for (const running of processes) expect(running.output()).not.toMatch(personalDataPattern);
  }, 120_000);
});
