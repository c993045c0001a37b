import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { OfferkitError } from "@offerkit/core";
import { testDialects } from "@offerkit/db/testing";
import { BlobIntegrityError, EulaStampError, inspectEula, sha256Hex, type EulaStamper } from "@offerkit/eula";
import { CRASHING_ACCOUNT, crashingStampWorkerUrl, makePdf, textOfPages } from "@offerkit/eula/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BuyerPrincipal } from "../auth/principal";
import { readBuyerEula } from "../buyer/read-buyer-eula";
import { completeOfferTerms, createTestApi, sampleProduct, uploadSamplePdf } from "../testing";
import { readEula, type EulaFile } from "./read-eula";
import { readEulaCopy } from "./read-eula-copy";

const ALICE = "012345678901";
const BOB = "222222222222";

function buyer(sellerId: string, account: string): BuyerPrincipal {
  return { kind: "buyer", keyId: "key-test", sellerId, account };
}

/** A served file with its stream read to the end, as a client receives it. */
async function withBytes<T extends EulaFile>(reading: Promise<T>): Promise<T & { bytes: Uint8Array }> {
  const file = await reading;
  return { ...file, bytes: new Uint8Array(await buffer(file.body)) };
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("it was served"),
    (error: unknown) => error,
  );
}

describe.each(testDialects())("buyers' EULA copies on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  /** A sent offer with a 3-page EULA; the clock stands at the test start, 2027-03-01. */
  async function sentOffer(accounts = [ALICE, BOB], pages = 3) {
    const seller = await api.newSeller("Acme Software");
    const product = await seller.admin.products.create(sampleProduct());
    const text = `EULA of ${seller.sellerId}`;
    const eula = await uploadSamplePdf(seller.admin, pages, text);
    const draft = await seller.admin.offers.create(completeOfferTerms(product.id, eula.sha256, accounts));
    const offer = await seller.admin.offers.send({ offerId: draft.id });
    return { seller, eula, offer, original: await makePdf(pages, { text }) };
  }

  async function copiesOf(offerId: string) {
    return api.deps.db.selectFrom("stamped_eula_copies").selectAll().where("offer_id", "=", offerId).execute();
  }

  it("gives the buyer a copy stamped on every page with the offer, the account and the day it was sent", async () => {
    const { seller, eula, offer, original } = await sentOffer();
    api.clock.set("2027-03-04T08:00:00.000Z");
    const served = await withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, ALICE), offer.id));
    const footer = `Offer ${offer.id} · for AWS account ${ALICE} · sent 2027-03-01`;

    const { reader, pages } = await textOfPages(served.bytes);
    // Poppler's reader where it is installed; the content-stream reader says it read them instead.
    expect(["pdftotext", "content streams"]).toContain(reader);
    expect(pages).toHaveLength(3);
    pages.forEach((page, index) => {
      expect(page).toContain(`Page ${index + 1} of 3`);
      expect(page).toContain(footer);
    });
    expect(await inspectEula(served.bytes, { maxBytes: 1e6 })).toMatchObject({ ok: true, pageCount: 3 });

    expect(served.document).toEqual({
      sha256: sha256Hex(served.bytes),
      fileName: `eula - copy for account ${ALICE}.pdf`,
      size: served.bytes.byteLength,
      pageCount: 3,
      uploadedAt: "2027-03-04T08:00:00.000Z",
    });
    expect(served.document.sha256).not.toBe(eula.sha256);
    expect(served.copy).toEqual({
      offerId: offer.id,
      buyerAccount: ALICE,
      sellerId: seller.sellerId,
      originalSha256: eula.sha256,
      sha256: served.document.sha256,
      size: served.bytes.byteLength,
      footer,
      createdAt: "2027-03-04T08:00:00.000Z",
    });
    expect(Buffer.from((await api.deps.blobs.get(served.document.sha256)) ?? [])).toEqual(Buffer.from(served.bytes));

    // The original stays byte-exact, and is what the seller downloads.
    const sellers = await withBytes(readEula(api.deps, seller.sellerId, eula.sha256));
    expect(Buffer.from(sellers.bytes)).toEqual(Buffer.from(original));
    expect(sellers.document.sha256).toBe(eula.sha256);
  });

  it("makes each copy once: a second download serves the stored copy without stamping", async () => {
    const { seller, offer } = await sentOffer();
    const jobs = api.stampPool.stats().jobs;
    const first = await withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, ALICE), offer.id));
    expect(api.stampPool.stats().jobs).toBe(jobs + 1);
    api.clock.set("2027-03-09T00:00:00.000Z");
    const second = await withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, ALICE), offer.id));
    expect(api.stampPool.stats().jobs).toBe(jobs + 1);
    expect(second.document).toEqual(first.document);
    expect(Buffer.from(second.bytes)).toEqual(Buffer.from(first.bytes));
    expect(await copiesOf(offer.id)).toHaveLength(1);
  });

  it("records one copy when two first downloads run together", async () => {
    const { seller, offer } = await sentOffer();
    const both = await Promise.all([1, 2].map(() => withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, ALICE), offer.id))));
    expect(both[0]?.document.sha256).toBe(both[1]?.document.sha256);
    expect(await copiesOf(offer.id)).toHaveLength(1);
  });

  it("serves the first recorded copy to both of two first downloads, even when their stamps differ", async () => {
    const { seller, offer } = await sentOffer();
    // Two servers whose stamps differ (a later pdf-lib, say), both stamping before either records.
    let arrived = 0;
    let bothArrived: () => void = () => {};
    const gate = new Promise<void>((resolve) => (bothArrived = resolve));
    const differing: EulaStamper = {
      async stamp(bytes, footer) {
        const mine = (arrived += 1);
        if (arrived === 2) bothArrived();
        await gate;
        return api.stampPool.stamp(bytes, `${footer} #${mine}`);
      },
    };
    const deps = { ...api.deps, stamper: differing };
    const both = await Promise.all([1, 2].map(() => withBytes(readBuyerEula(deps, buyer(seller.sellerId, ALICE), offer.id))));
    const [row, ...others] = await copiesOf(offer.id);
    expect(others).toEqual([]);
    for (const served of both) {
      expect(served.document.sha256).toBe(row?.sha256);
      expect(sha256Hex(served.bytes)).toBe(row?.sha256);
    }
  });

  it("keeps copies apart: each account its own, another account or seller nothing", async () => {
    const { seller, offer } = await sentOffer([ALICE, BOB]);
    const alices = await withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, ALICE), offer.id));
    const bobs = await withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, BOB), offer.id));
    expect(bobs.document.sha256).not.toBe(alices.document.sha256);
    expect((await textOfPages(bobs.bytes)).pages[0]).toContain(`for AWS account ${BOB}`);
    expect((await textOfPages(bobs.bytes)).pages[0]).not.toContain(ALICE);

    const other = await api.newSeller("Other Software");
    const refusals = [
      () => withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, "333333333333"), offer.id)),
      // The same account number, as another seller's buyer.
      () => withBytes(readBuyerEula(api.deps, buyer(other.sellerId, ALICE), offer.id)),
      () => withBytes(readEulaCopy(api.deps, other.sellerId, offer.id, ALICE)),
      () => withBytes(readEulaCopy(api.deps, seller.sellerId, offer.id, "333333333333")),
    ];
    for (const refused of refusals) expect(await refusal(refused())).toMatchObject({ code: "NOT_FOUND" });
    expect(await copiesOf(offer.id)).toHaveLength(2);
  });

  it("lets the seller download any targeted buyer's copy, the very copy the buyer gets", async () => {
    const { seller, offer, eula } = await sentOffer([ALICE, BOB]);
    const jobs = api.stampPool.stats().jobs;
    const sellers = await withBytes(readEulaCopy(api.deps, seller.sellerId, offer.id, BOB));
    const bobs = await withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, BOB), offer.id));
    expect(bobs.document).toEqual(sellers.document);
    expect(Buffer.from(bobs.bytes)).toEqual(Buffer.from(sellers.bytes));
    expect(api.stampPool.stats().jobs).toBe(jobs + 1);
    expect(sellers.copy).toMatchObject({ originalSha256: eula.sha256, buyerAccount: BOB });

    const draft = await seller.admin.offers.create(completeOfferTerms(offer.productId, eula.sha256, [ALICE]));
    expect(await refusal(withBytes(readEulaCopy(api.deps, seller.sellerId, draft.id, ALICE)))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses a stored copy whose bytes no longer hash to its address, and never serves it", async () => {
    const { seller, offer } = await sentOffer();
    const { document } = await withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, ALICE), offer.id));
    const path = join(api.database.dataDir, "blobs", document.sha256.slice(0, 2), document.sha256);
    writeFileSync(path, await makePdf(3, { text: "Somebody else's terms" }));
    const jobs = api.stampPool.stats().jobs;
    for (const read of [() => withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, ALICE), offer.id)), () => withBytes(readEulaCopy(api.deps, seller.sellerId, offer.id, ALICE))]) {
      const error = await refusal(read());
      expect(error).toBeInstanceOf(BlobIntegrityError);
      expect(error).toMatchObject({ sha256: document.sha256 });
    }
    // Refused, not quietly made again.
    expect(api.stampPool.stats().jobs).toBe(jobs);
  });
});

describe("a stamping worker that crashes", () => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi("sqlite", { stampPool: { workerUrl: crashingStampWorkerUrl } });
  });
  afterAll(async () => api.close());

  it("fails that download with a clear error and records nothing; the next download gets a new worker", async () => {
    const seller = await api.newSeller("Acme Software");
    const product = await seller.admin.products.create(sampleProduct());
    const eula = await uploadSamplePdf(seller.admin, 2);
    const draft = await seller.admin.offers.create(completeOfferTerms(product.id, eula.sha256, [CRASHING_ACCOUNT, ALICE]));
    const offer = await seller.admin.offers.send({ offerId: draft.id });

    const error = await refusal(withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, CRASHING_ACCOUNT), offer.id)));
    expect(error).toBeInstanceOf(EulaStampError);
    expect(error).not.toBeInstanceOf(OfferkitError);
    expect((error as Error).message).toBe("The EULA stamping worker stopped before finishing this copy: the test worker crashed on purpose");
    expect(await api.deps.db.selectFrom("stamped_eula_copies").selectAll().execute()).toEqual([]);

    const alices = await withBytes(readBuyerEula(api.deps, buyer(seller.sellerId, ALICE), offer.id));
    expect((await textOfPages(alices.bytes)).pages[1]).toContain(`for AWS account ${ALICE}`);
    expect(api.stampPool.stats()).toMatchObject({ jobs: 2, workersStarted: 2 });
  });
});

describe("the test API's stamp pool", () => {
  it("is a real pool, closed with the API", async () => {
    const api = await createTestApi("sqlite");
    expect(api.stampPool.stats().workersStarted).toBe(0);
    await api.close();
    await expect(api.stampPool.stamp(await makePdf(1), "x")).rejects.toBeInstanceOf(EulaStampError);
  });
});
