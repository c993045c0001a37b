import { createHash } from "node:crypto";
import type { AppRouter } from "@offerkit/api";
import { makePdf } from "@offerkit/eula/testing";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const BUYER = "012345678901";

function pdfForm(bytes: Uint8Array, name = "acme-eula.pdf") {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: "application/pdf" }), name);
  return form;
}

describe("the server over real HTTP", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ OFFERKIT_EULA_MAX_BYTES: String(256 * 1024) });
  });
  afterAll(async () => server.stop());

  it("answers health checks", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("runs the tour: draft, EULA, send, buyer reads, downloads and accepts", async () => {
    const seller = server.client(BOOTSTRAP_KEY);
    const products = await seller.products.list.query({ limit: 100 });
    const product = products.items.find((p) => p.asin === "B00635Y2IW");
    expect(product?.pricing.model).toBe("saas_contract");
    if (!product) return;

    const pdf = await makePdf(4, { text: "Acme EULA over HTTP" });
    const eula = await seller.eula.upload.mutate(pdfForm(pdf));
    expect(eula).toMatchObject({ pageCount: 4, size: pdf.byteLength, fileName: "acme-eula.pdf" });
    expect(eula.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));

    const draft = await seller.offers.create.mutate({
      productId: product.id,
      name: "Acme, three years",
      description: "Signed off by the VP of sales",
      buyerAccounts: [BUYER],
      pricing: { model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } },
      eulaSha256: eula.sha256,
      agreement: { kind: "duration", duration: "P36M" },
      acceptanceDeadline: "2027-03-31",
      refundPolicy: "Ask refunds@acme.example within 30 days.",
      idempotencyKey: "tour-create-0001",
    });
    const sent = await seller.offers.send.mutate({ offerId: draft.id, idempotencyKey: "tour-send-0001" });
    expect(sent.buyerUrl).toBe(`${server.url.replace("127.0.0.1", "localhost")}/offers/${draft.id}`);

    const landing = await fetch(`${server.url}/offers/${draft.id}`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain(draft.id);

    const token = await seller.admin.buyerTokens.issue.mutate({ account: BUYER });
    const buyer = server.client(token.secret);
    expect((await buyer.buyer.offers.list.query()).items.map((o) => o.id)).toEqual([draft.id]);
    expect(await buyer.buyer.banner.query({ asin: "B00635Y2IW" })).toEqual({ hasPrivateOffer: true, offerIds: [draft.id], buyerUrl: sent.buyerUrl });

    const original = await fetch(`${server.url}/eula/${eula.sha256}`, { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("application/pdf");
    expect(original.headers.get("x-content-sha256")).toBe(eula.sha256);
    expect(Buffer.from(await original.arrayBuffer())).toEqual(Buffer.from(pdf));
    // The buyer's is a copy stamped for its account (eula-copies.test.ts), with its own hash.
    const copy = await fetch(`${server.url}/buyer/offers/${draft.id}/eula`, { headers: { authorization: `Bearer ${token.secret}` } });
    expect(copy.status).toBe(200);
    expect(copy.headers.get("content-type")).toBe("application/pdf");
    expect(copy.headers.get("x-content-sha256")).toBe(createHash("sha256").update(new Uint8Array(await copy.arrayBuffer())).digest("hex"));
    expect(copy.headers.get("x-content-sha256")).not.toBe(eula.sha256);

    server.clock.set("2027-03-05T10:00:00.000Z");
    const agreement = await buyer.buyer.offers.accept.mutate({ offerId: draft.id, idempotencyKey: "tour-accept-01" });
    expect(agreement).toMatchObject({ buyerAccount: BUYER, startsAt: "2027-03-05T10:00:00.000Z", endsAt: "2030-03-05T10:00:00.000Z" });
    expect((await seller.offers.get.query({ offerId: draft.id })).status).toBe("accepted");
  });

  it("refuses a JSON call over 1 MB with 413, though EULAs of 10 MB are taken", async () => {
    const roomy = await startTestServer({ OFFERKIT_EULA_MAX_BYTES: String(10 * 1024 * 1024) });
    try {
      const response = await fetch(`${roomy.url}/trpc/offers.create`, {
        method: "POST",
        headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, "content-type": "application/json" },
        body: JSON.stringify({ productId: "prod-x", name: "x".repeat(2 * 1024 * 1024) }),
      });
      expect(response.status).toBe(413);
      expect(JSON.stringify(await response.json())).toContain("PAYLOAD_TOO_LARGE");
      const pdf = await makePdf(1, { text: "x".repeat(2000) });
      const upload = await fetch(`${roomy.url}/trpc/eula.upload`, { method: "POST", headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` }, body: pdfForm(pdf) });
      expect(upload.status).toBe(200);
    } finally {
      await roomy.stop();
    }
  });

  it("refuses an oversized upload with 413 without storing anything", async () => {
    const seller = server.client(BOOTSTRAP_KEY);
    const huge = new Uint8Array(3 * 256 * 1024).fill(0x41);
    const error = await seller.eula.upload.mutate(pdfForm(huge)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<AppRouter>).data).toMatchObject({ httpStatus: 413, offerkitCode: "EULA_TOO_LARGE" });

    const justOver = new Uint8Array(256 * 1024 + 1).fill(0x41);
    const response = await fetch(`${server.url}/trpc/eula.upload`, {
      method: "POST",
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` },
      body: pdfForm(justOver),
    });
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain("EULA_TOO_LARGE");
    const stored = await server.deps.db.selectFrom("eula_documents").select("size").execute();
    expect(stored.every((row) => Number(row.size) <= 256 * 1024)).toBe(true);
  });

  it("answers field errors with their paths over HTTP", async () => {
    const response = await fetch(`${server.url}/trpc/offers.create`, {
      method: "POST",
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ productId: "prod-xxxxxxxxxx", buyerAccounts: ["1234567890123"], pricing: { model: "free" }, extra: 1 }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { data: { offerkitCode: string; issues: { path: unknown[] }[] } } };
    expect(body.error.data.offerkitCode).toBe("VALIDATION_FAILED");
    expect(body.error.data.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining([["buyerAccounts", 0]]));
    expect(JSON.stringify(body)).not.toContain("stack");
  });

  it("refuses malformed JSON with a clear 400", async () => {
    const response = await fetch(`${server.url}/trpc/offers.create`, {
      method: "POST",
      headers: { authorization: `Bearer ${BOOTSTRAP_KEY}`, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });

  it("guards the download routes", async () => {
    const seller = server.client(BOOTSTRAP_KEY);
    const eula = await seller.eula.upload.mutate(pdfForm(await makePdf(1, { text: "guarded" })));
    const other = await seller.admin.apiKeys.create.mutate({ name: "products only", scopes: ["products:read"] });
    const cases: [string, string | null, number][] = [
      [`/eula/${eula.sha256}`, null, 401],
      [`/eula/${eula.sha256}`, "oks_wrong", 401],
      [`/eula/${eula.sha256}`, other.secret, 403],
      [`/eula/${"0".repeat(64)}`, BOOTSTRAP_KEY, 404],
      ["/eula/..%2F..%2Fetc%2Fpasswd", BOOTSTRAP_KEY, 404],
      ["/buyer/offers/offer-doesnotexist1/eula", BOOTSTRAP_KEY, 401],
    ];
    for (const [path, secret, status] of cases) {
      const response = await fetch(`${server.url}${path}`, secret ? { headers: { authorization: `Bearer ${secret}` } } : {});
      expect(response.status, path).toBe(status);
    }
    expect((await fetch(`${server.url}/offers/not-an-offer`)).status).toBe(404);
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
  });
});

describe("the first start", () => {
  it("prints a new admin key once when there is no seller and no bootstrap key", async () => {
    const server = await startTestServer({ OFFERKIT_BOOTSTRAP_KEY: "" });
    try {
      expect(server.firstAdminKey).toMatch(/^oks_/);
      const whoami = await server.client(server.firstAdminKey ?? "").admin.whoami.query();
      expect(whoami.scopes).toEqual(["admin"]);
    } finally {
      await server.stop();
    }
  });
});
