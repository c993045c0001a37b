import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OfferView } from "@offerkit/core";
import { completeOfferTerms, personalDataPattern, recomputedTermsHash } from "@offerkit/api/testing";
import { openDatabase, pendingMigrations, type DatabaseHandle } from "@offerkit/db";
import { createEmptyPostgresDatabase, testDialects, type EmptyPostgresDatabase } from "@offerkit/db/testing";
import { makePdf } from "@offerkit/eula/testing";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { seedBuyerScenario } from "@offerkit/test-server/seed";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { trpcClient } from "./test-server";

const FLEET_SIZE = 3;
const ROUNDS = 6;
const MAX_ROUNDS_FOR_A_SEND = 60;
const BUYER = "012345678901";
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

type Settled<T> = { ok: true; value: T } | { ok: false; code: string };

/** A call's result, or the Offerkit code it was refused with. */
async function settle<T>(call: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await call };
  } catch (error) {
    if (!(error instanceof TRPCClientError)) throw error;
    const data: unknown = error.data;
    return { ok: false, code: z.object({ offerkitCode: z.string() }).parse(data).offerkitCode };
  }
}

/** Proves a sent offer holds exactly the terms that were checked and hashed when it was sent. */
function expectTermsMatchHash(offer: OfferView) {
  expect(recomputedTermsHash(offer)).toBe(offer.termsSha256);
}

// Under CI this throws when no PostgreSQL is named, so the fleet suite can never be skipped there.
const onPostgres = testDialects().includes("postgres");

describe.skipIf(!onPostgres)("a fleet of servers on one PostgreSQL database", () => {
  let database: EmptyPostgresDatabase;
  let direct: DatabaseHandle | undefined;
  let dataDir: string;
  let servers: ServerProcess[] = [];
  const secrets: string[] = [ADMIN_KEY];
  const server = (n: number) => {
    const found = servers[n % servers.length];
    if (!found) throw new Error("The fleet did not start");
    return found;
  };
  const seller = (n: number) => trpcClient(server(n).url, ADMIN_KEY);
  const db = () => {
    if (!direct) throw new Error("The fleet did not start");
    return direct.db;
  };
  let terms: ReturnType<typeof completeOfferTerms>;

  beforeAll(async () => {
    database = await createEmptyPostgresDatabase();
    // EULA files are kept in the data folder: servers sharing a database share it too.
    dataDir = mkdtempSync(join(tmpdir(), "offerkit-fleet-"));
    const dataKey = randomBytes(32).toString("base64");
    secrets.push(dataKey);
    const env = { DATABASE_URL: database.url, OFFERKIT_DATA_KEY: dataKey };
    // All at once, on an empty database: migrations and the bootstrap race for real.
    const started = await Promise.allSettled(Array.from({ length: FLEET_SIZE }, () => startServerProcess(env, { dataDir })));
    servers = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;
    direct = openDatabase({ databaseUrl: database.url, dataDir, poolSize: 2 });

    const products = await seller(0).products.list.query({ limit: 100 });
    const product = products.items.find((item) => item.asin === "B00635Y2IW");
    if (!product) throw new Error("The demo product is missing");
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await makePdf(2, { text: "Fleet EULA" }))], { type: "application/pdf" }), "eula.pdf");
    const eula = await seller(1).eula.upload.mutate(form);
    const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    terms = {
      ...completeOfferTerms(product.id, eula.sha256, [BUYER]),
      pricing: { model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } },
      acceptanceDeadline: deadline,
    };
  }, 120_000);

  afterAll(async () => {
    await Promise.all(servers.map((running) => running.stop()));
    await direct?.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it("starts together on an empty database: every migration applied, the demo seller and products made once", async () => {
    expect(await pendingMigrations(db())).toEqual([]);
    const sellers = await db().selectFrom("sellers").select("id").execute();
    expect(sellers.map((row) => row.id)).toEqual(["seller-demo"]);
    const keys = await db().selectFrom("api_keys").select("id").execute();
    expect(keys).toHaveLength(1);
    const products = await db().selectFrom("products").select("asin").execute();
    expect(products.length).toBeGreaterThan(0);
    expect(new Set(products.map((row) => row.asin)).size).toBe(products.length);
    for (let n = 0; n < FLEET_SIZE; n += 1) {
      const ready = await fetch(`${server(n).url}/readyz`);
      expect(ready.status).toBe(200);
      const metrics = await (await fetch(`${server(n).url}/metrics`)).text();
      expect(metrics).toContain('offerkit_db_pool_connections{state="max"} 10\n');
    }
  });

  it("update against send on different servers: the sent offer holds the very terms it was checked with", async () => {
    let sentCount = 0;
    // Either may win a round; the rounds go on (up to a bound) until a send has won at least
    // once, since that is the case the test is about: six rounds all won by the update were seen.
    for (let round = 0; round < ROUNDS || (sentCount === 0 && round < MAX_ROUNDS_FOR_A_SEND); round += 1) {
      const draft = await seller(round).offers.create.mutate(terms);
      const [updated, sent] = await Promise.all([
        settle(seller(round + 1).offers.update.mutate({ offerId: draft.id, patch: { name: `Changed ${round}` } })),
        settle(seller(round + 2).offers.send.mutate({ offerId: draft.id })),
      ]);
      const final = await seller(round).offers.get.query({ offerId: draft.id });
      if (sent.ok) {
        sentCount += 1;
        expect(final).toEqual(sent.value);
        expectTermsMatchHash(final);
        if (!updated.ok) expect(updated.code).toBe("OFFER_IMMUTABLE");
        const late = await settle(seller(round + 1).offers.update.mutate({ offerId: draft.id, patch: { name: "Too late" } }));
        expect(late).toEqual({ ok: false, code: "OFFER_IMMUTABLE" });
      } else {
        expect(sent.code).toBe("CONFLICT");
        expect(updated.ok).toBe(true);
        expect(final.status).toBe("draft");
      }
    }
    expect(sentCount).toBeGreaterThan(0);
  });

  it("send against send on every server: exactly one wins", async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const draft = await seller(round).offers.create.mutate(terms);
      const results = await Promise.all(servers.map((_, n) => settle(seller(n).offers.send.mutate({ offerId: draft.id }))));
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      for (const result of results) if (!result.ok) expect(result.code).toBe("OFFER_IMMUTABLE");
      expectTermsMatchHash(await seller(round + 1).offers.get.query({ offerId: draft.id }));
    }
  });

  it("one idempotency key sent to every server: one offer, one send, one agreement", async () => {
    const key = `fleet-${randomBytes(6).toString("hex")}`;
    const created = await Promise.all(servers.map((_, n) => seller(n).offers.create.mutate({ ...terms, name: key, idempotencyKey: `${key}-create` })));
    expect(new Set(created.map((offer) => offer.id)).size).toBe(1);
    const named = await db().selectFrom("offers").select("id").where("name", "=", key).execute();
    expect(named).toHaveLength(1);
    const offerId = created[0]?.id ?? "";

    const sent = await Promise.all(servers.map((_, n) => seller(n).offers.send.mutate({ offerId, idempotencyKey: `${key}-send` })));
    expect(new Set(sent.map((offer) => offer.termsSha256)).size).toBe(1);

    const token = (await seller(0).admin.buyerTokens.issue.mutate({ account: BUYER })).secret;
    secrets.push(token);
    const accepted = await Promise.all(
      servers.map((_, n) => trpcClient(server(n).url, token).buyer.offers.accept.mutate({ offerId, idempotencyKey: `${key}-accept` })),
    );
    expect(new Set(accepted.map((agreement) => agreement.id)).size).toBe(1);
    // The EULA was uploaded to one server; the buyer downloads its copy from any, first from all
    // at once, and every server serves the one copy recorded.
    const copies = await Promise.all(
      servers.map(async (_, n) => {
        const eula = await fetch(`${server(n).url}/buyer/offers/${offerId}/eula`, { headers: { authorization: `Bearer ${token}` } });
        expect(eula.status).toBe(200);
        return createHash("sha256").update(new Uint8Array(await eula.arrayBuffer())).digest("hex");
      }),
    );
    expect(new Set(copies).size).toBe(1);
    expect(copies[0]).not.toBe(terms.eulaSha256);
    const recorded = await db().selectFrom("stamped_eula_copies").select("sha256").where("offer_id", "=", offerId).execute();
    expect(recorded).toEqual([{ sha256: copies[0] }]);
    const agreements = await db().selectFrom("agreements").select("id").where("offer_id", "=", offerId).execute();
    expect(agreements).toHaveLength(1);
  });

  it("six contact shares for one subscription spread over the servers: the sixth is refused", async () => {
    const scenario = await seedBuyerScenario(server(0).url);
    secrets.push(scenario.targetedToken, scenario.otherToken);
    const shares = await Promise.all(
      Array.from({ length: 6 }, (_, n) =>
        settle(
          trpcClient(server(n).url, scenario.targetedToken).buyer.contacts.share.mutate({
            subscriptionId: scenario.subscriptionId,
            consent: true,
            contact: {
              givenName: "Ada",
              surname: `Lovelace${n}`,
              title: "Head of IT",
              organization: "Analytical Engines, Ltd.",
              email: `ada.${n}@engines.example`,
              phone: `+44 20 7946 01${String(n).padStart(2, "0")}`,
              countryCode: "GB",
            },
          }),
        ),
      ),
    );
    expect(shares.filter((share) => share.ok)).toHaveLength(5);
    expect(shares.filter((share) => !share.ok).map((share) => (share.ok ? null : share.code))).toEqual(["CONTACT_LIMIT_REACHED"]);
    const listed = await trpcClient(server(1).url, scenario.targetedToken).buyer.contacts.list.query();
    expect(listed.filter((contact) => contact.subscriptionId === scenario.subscriptionId)).toHaveLength(5);
  });

  it("the same usage record reported to every server at once is stored once", async () => {
    const products = await seller(0).products.list.query({ limit: 100 });
    const metered = products.items.find((item) => item.asin === "B0DEMO0007");
    if (!metered) throw new Error("The demo usage product is missing");
    await seller(0).products.update.mutate({ productId: metered.id, patch: { publicPricing: { model: "usage", rates: { hosts_small: "0.5", hosts_large: "1" } } } });
    const account = "333344445555";
    const { secret } = await seller(1).admin.buyerTokens.issue.mutate({ account });
    secrets.push(secret);
    await trpcClient(server(2).url, secret).buyer.subscriptions.subscribe.mutate({ asin: "B0DEMO0007" });
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString();
    const record = { account, asin: "B0DEMO0007", dimension: "hosts_small", hour, quantity: 7 };
    const reports = await Promise.all(Array.from({ length: FLEET_SIZE * 2 }, (_, n) => seller(n).usage.report.mutate({ records: [record] })));
    const outcomes = reports.map((results) => results[0]?.outcome);
    expect(outcomes.filter((outcome) => outcome === "accepted")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(FLEET_SIZE * 2 - 1);
    const stored = await db().selectFrom("usage_records").select(["quantity"]).where("buyer_account", "=", account).execute();
    expect(stored.map((row) => Number(row.quantity))).toEqual([7]);
  });

  it("one visitor's clicks on every server count once, and a graceful stop writes them all", async () => {
    const tag = `fleet_${randomBytes(4).toString("hex")}`;
    const visitors: Record<string, string>[] = [
      { "user-agent": BROWSER, cookie: "ok_vid=fleetCookieVisitor000001" },
      { "user-agent": `${BROWSER} FleetHashed/1` },
    ];
    for (let round = 0; round < 2; round += 1) {
      for (let n = 0; n < FLEET_SIZE; n += 1) {
        for (const headers of visitors) {
          const response = await fetch(`${server(n).url}/pp/B00635Y2IW/ref=${tag}`, { headers, redirect: "manual" });
          expect(response.status).toBe(302);
        }
        const linked = await fetch(`${server(n).url}/pp/B00635Y2IW/ref=${tag}?aid=fleetAttribution000001`, {
          headers: { "user-agent": BROWSER },
          redirect: "manual",
        });
        expect(linked.status).toBe(302);
      }
    }
    // Clicks are written in batches; the graceful stop of every server writes what it answered.
    await Promise.all(servers.map((running) => running.stop()));
    const clicks = await db().selectFrom("clicks").select("session_key").where("ref_tag", "=", tag).execute();
    const sessions = clicks.map((click) => click.session_key);
    expect(sessions).toHaveLength(3);
    expect(sessions).toEqual(expect.arrayContaining(["fleetAttribution000001", "fleetCookieVisitor000001", expect.stringMatching(/^h_/)]));
  });

  it("no server wrote personal data or a secret to its log", () => {
    for (const running of servers) {
      const output = running.output();
      expect(output).toContain("listening on");
      expect(output).not.toMatch(personalDataPattern);
      for (const secret of secrets) expect(output).not.toContain(secret);
    }
  });
});
