import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createSeller } from "@offerkit/api";
import { CRASHING_ACCOUNT, crashingStampWorkerUrl, makePdf, textOfPages } from "@offerkit/eula/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./observability/logger";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const ALICE = "012345678901";
const BOB = "222222222222";

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

function pdfForm(bytes: Uint8Array) {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: "application/pdf" }), "acme-eula.pdf");
  return form;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** The demo seller's offer of a 3-page EULA to `accounts`, sent on the test start day, 2027-03-01. */
async function sendOffer(server: TestServer, accounts: string[]) {
  const seller = server.client(BOOTSTRAP_KEY);
  const product = (await seller.products.list.query({ limit: 100 })).items.find((p) => p.asin === "B00635Y2IW");
  if (!product) throw new Error("The demo contract product is missing");
  const original = await makePdf(3, { text: `Acme EULA for ${accounts.join(", ")}` });
  const eula = await seller.eula.upload.mutate(pdfForm(original));
  const draft = await seller.offers.create.mutate({
    productId: product.id,
    name: "Acme, three years",
    description: "Signed off by the VP of sales",
    buyerAccounts: accounts,
    pricing: { model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } },
    eulaSha256: eula.sha256,
    agreement: { kind: "duration", duration: "P36M" },
    acceptanceDeadline: "2027-03-31",
    refundPolicy: "Ask refunds@acme.example within 30 days.",
  });
  const offer = await seller.offers.send.mutate({ offerId: draft.id });
  const token = async (account: string) => (await seller.admin.buyerTokens.issue.mutate({ account })).secret;
  return { offer, original, eula, token };
}

describe("buyers' EULA copies over real HTTP", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  const get = (path: string, secret?: string) => fetch(`${server.url}${path}`, secret ? { headers: { authorization: `Bearer ${secret}` } } : {});

  it("serves the buyer its stamped copy, the seller the original and any buyer's copy", async () => {
    const { offer, original, eula, token } = await sendOffer(server, [ALICE, BOB]);
    const alice = await token(ALICE);

    const download = await get(`/buyer/offers/${offer.id}/eula`, alice);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toBe(`attachment; filename="acme-eula - copy for account ${ALICE}.pdf"`);
    const copy = new Uint8Array(await download.arrayBuffer());
    expect(download.headers.get("x-content-sha256")).toBe(sha256(copy));
    expect(sha256(copy)).not.toBe(eula.sha256);
    const { pages } = await textOfPages(copy);
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(page).toContain(`Offer ${offer.id} · for AWS account ${ALICE} · sent 2027-03-01`);

    const viewed = await get(`/buyer/offers/${offer.id}/eula?view=1`, alice);
    expect(viewed.headers.get("content-disposition")).toMatch(/^inline; filename="acme-eula - copy for account /);
    expect(sha256(new Uint8Array(await viewed.arrayBuffer()))).toBe(sha256(copy));

    const theOriginal = await get(`/eula/${eula.sha256}`, BOOTSTRAP_KEY);
    expect(theOriginal.headers.get("x-content-sha256")).toBe(eula.sha256);
    expect(Buffer.from(await theOriginal.arrayBuffer())).toEqual(Buffer.from(original));

    const alicesForSeller = await get(`/eula/offers/${offer.id}/copies/${ALICE}`, BOOTSTRAP_KEY);
    expect(alicesForSeller.status).toBe(200);
    expect(alicesForSeller.headers.get("x-content-sha256")).toBe(sha256(copy));
    expect(Buffer.from(await alicesForSeller.arrayBuffer())).toEqual(Buffer.from(copy));

    // Bob has not downloaded his yet: the seller's download makes it, and Bob then gets that one.
    const bobsForSeller = await get(`/eula/offers/${offer.id}/copies/${BOB}`, BOOTSTRAP_KEY);
    const bobs = await get(`/buyer/offers/${offer.id}/eula`, await token(BOB));
    expect(bobs.headers.get("x-content-sha256")).toBe(bobsForSeller.headers.get("x-content-sha256"));
    expect(bobs.headers.get("x-content-sha256")).not.toBe(sha256(copy));
    expect(bobs.headers.get("content-disposition")).toContain(`copy for account ${BOB}.pdf`);

    const rows = await server.deps.db.selectFrom("stamped_eula_copies").select(["buyer_account", "sha256"]).where("offer_id", "=", offer.id).execute();
    expect(rows.map((row) => row.buyer_account).sort()).toEqual([ALICE, BOB]);
  });

  it("finds no copy for an account the offer does not target, another seller's offer, or a path that names none", async () => {
    const { offer, token } = await sendOffer(server, [ALICE]);
    const other = await createSeller(server.deps, { name: "Other Software", dataSharingEnrolled: true });
    const productsOnly = (await server.client(BOOTSTRAP_KEY).admin.apiKeys.create.mutate({ name: "products", scopes: ["products:read"] })).secret;
    const cases: [string, string | undefined, number][] = [
      [`/eula/offers/${offer.id}/copies/${BOB}`, BOOTSTRAP_KEY, 404],
      [`/eula/offers/${offer.id}/copies/${ALICE}`, other.adminKey.secret, 404],
      [`/eula/offers/${offer.id}/copies/12345`, BOOTSTRAP_KEY, 404],
      [`/eula/offers/not-an-offer/copies/${ALICE}`, BOOTSTRAP_KEY, 404],
      [`/eula/offers/${offer.id}/copies/${ALICE}`, undefined, 401],
      [`/eula/offers/${offer.id}/copies/${ALICE}`, await token(ALICE), 401],
      [`/eula/offers/${offer.id}/copies/${ALICE}`, productsOnly, 403],
      [`/buyer/offers/${offer.id}/eula`, await token(BOB), 404],
    ];
    for (const [path, secret, status] of cases) expect((await get(path, secret)).status, path).toBe(status);
    const made = await server.deps.db.selectFrom("stamped_eula_copies").selectAll().where("offer_id", "=", offer.id).execute();
    expect(made).toEqual([]);
  });
});

describe("a crash of the stamping worker over real HTTP", () => {
  const lines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(
      {},
      { logger: createLogger("warn", { write: (line: string) => void lines.push(line) }), stamping: { workerUrl: crashingStampWorkerUrl } },
    );
  });
  afterAll(async () => server.stop());

  it("fails that one download with a logged reason; the next download gets a new worker", async () => {
    const { offer, token } = await sendOffer(server, [CRASHING_ACCOUNT, ALICE]);
    const crashed = await fetch(`${server.url}/buyer/offers/${offer.id}/eula`, { headers: { authorization: `Bearer ${await token(CRASHING_ACCOUNT)}` } });
    expect(crashed.status).toBe(500);
    expect(await crashed.json()).toMatchObject({ error: { code: "INTERNAL" } });
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; error?: string }).filter((line) => line.msg === "request failed");
    expect(logged.map((line) => line.error)).toEqual(["The EULA stamping worker stopped before finishing this copy: the test worker crashed on purpose"]);

    const served = await fetch(`${server.url}/buyer/offers/${offer.id}/eula`, { headers: { authorization: `Bearer ${await token(ALICE)}` } });
    expect(served.status).toBe(200);
    expect((await textOfPages(new Uint8Array(await served.arrayBuffer()))).pages[0]).toContain(`for AWS account ${ALICE}`);
  });
});

describe("a damaged stored file over real HTTP", () => {
  const lines: string[] = [];
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({}, { logger: createLogger("warn", { write: (line: string) => void lines.push(line) }) });
  });
  afterAll(async () => server.stop());

  it("never lets a client take a damaged file for whole, and logs why", async () => {
    const { offer, eula, token } = await sendOffer(server, [ALICE]);
    const alice = await token(ALICE);
    const first = await fetch(`${server.url}/buyer/offers/${offer.id}/eula`, { headers: { authorization: `Bearer ${alice}` } });
    const copySha256 = first.headers.get("x-content-sha256") ?? "";
    await first.arrayBuffer();

    for (const stored of [copySha256, eula.sha256]) {
      const path = join(server.dataDir, "blobs", stored.slice(0, 2), stored);
      const bytes = readFileSync(path);
      // One byte changed, the length kept: only the hash can tell.
      bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
      writeFileSync(path, bytes);
    }
    for (const [path, secret] of [[`/buyer/offers/${offer.id}/eula`, alice], [`/eula/${eula.sha256}`, BOOTSTRAP_KEY]] as const) {
      // The hash is known only at the end: the connection closes before the last bytes, whether
      // or not the headers went out first.
      const outcome = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${secret}` } }).then(
        (response) => response.arrayBuffer().then(() => `whole, ${response.status}`),
        () => "failed",
      );
      expect([outcome, path]).toEqual(["failed", path]);
    }
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; error?: string }).filter((line) => /failed/.test(line.msg));
    expect(logged.map((line) => line.error)).toEqual([expect.stringContaining(`Stored blob ${copySha256} is corrupted`), expect.stringContaining(`Stored blob ${eula.sha256} is corrupted`)]);
  });
});
