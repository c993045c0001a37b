import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { testDialects } from "@offerkit/db/testing";
import { loadEulaFixture, makePdf } from "@offerkit/eula/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "../test-helpers";
import { createTestApi } from "../testing";

function pdfForm(bytes: Uint8Array, name = "terms.pdf") {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: "application/pdf" }), name);
  return form;
}

describe.each(testDialects())("EULA documents on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect, { eulaMaxBytes: 64 * 1024 });
  });
  afterAll(async () => api.close());

  function blobCount() {
    const root = join(api.database.dataDir, "blobs");
    if (!existsSync(root)) return 0;
    return readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
  }

  async function documentCount() {
    const rows = await api.deps.db.selectFrom("eula_documents").select("sha256").execute();
    return rows.length;
  }

  it("stores a valid PDF once and records hash, size, pages and name", async () => {
    const { admin } = await api.newSeller();
    const bytes = await makePdf(3, { text: "Terms for store-once" });
    const before = blobCount();
    const first = await admin.eula.upload(pdfForm(bytes, "Acme EULA.pdf"));
    const again = await admin.eula.upload(pdfForm(bytes, "renamed.pdf"));
    expect(first).toMatchObject({ size: bytes.byteLength, pageCount: 3, fileName: "Acme EULA.pdf" });
    expect(again).toEqual(first);
    expect(blobCount()).toBe(before + 1);
    expect(Buffer.from((await api.deps.blobs.get(first.sha256)) ?? [])).toEqual(Buffer.from(bytes));
    expect(await admin.eula.get({ sha256: first.sha256 })).toEqual(first);
  });

  it.each([
    ["random bytes", loadEulaFixture("random-bytes"), "EULA_NOT_PDF", "UNSUPPORTED_MEDIA_TYPE"],
    ["a truncated PDF", loadEulaFixture("truncated"), "EULA_DAMAGED", "UNPROCESSABLE_CONTENT"],
    ["an encrypted PDF", loadEulaFixture("encrypted"), "EULA_ENCRYPTED", "UNPROCESSABLE_CONTENT"],
    ["a PDF with no pages", loadEulaFixture("no-pages"), "EULA_NO_PAGES", "UNPROCESSABLE_CONTENT"],
    ["an oversized file", new Uint8Array(64 * 1024 + 1).fill(0x25), "EULA_TOO_LARGE", "PAYLOAD_TOO_LARGE"],
  ])("refuses %s with its own code and stores nothing", async (_name, bytes, code, trpcCode) => {
    const { admin } = await api.newSeller();
    const [blobsBefore, docsBefore] = [blobCount(), await documentCount()];
    const refused = await failure(admin.eula.upload(pdfForm(bytes)));
    expect(refused.code).toBe(code);
    expect(refused.trpcCode).toBe(trpcCode);
    expect(refused.paths).toEqual(["file"]);
    expect(refused.message.length).toBeGreaterThan(10);
    expect(blobCount()).toBe(blobsBefore);
    expect(await documentCount()).toBe(docsBefore);
  });

  it("gives each bad file a different message", async () => {
    const { admin } = await api.newSeller();
    const messages = new Set<string>();
    for (const name of ["random-bytes", "truncated", "encrypted", "no-pages"] as const) {
      messages.add((await failure(admin.eula.upload(pdfForm(loadEulaFixture(name))))).message);
    }
    expect(messages.size).toBe(4);
  });

  it("refuses a form without a file and hostile file names", async () => {
    const { admin } = await api.newSeller();
    expect((await failure(admin.eula.upload(new FormData()))).paths).toEqual(["file"]);
    const bytes = await makePdf(1);
    for (const name of ["../../etc/passwd", "a\u0000b.pdf", "x".repeat(300)]) {
      const form = pdfForm(bytes);
      form.set("fileName", name);
      expect((await failure(admin.eula.upload(form))).paths).toEqual(["fileName"]);
    }
    expect((await failure(admin.eula.upload({ file: "not a form" } as never))).code).toBe("VALIDATION_FAILED");
  });

  it("needs offers:write to upload", async () => {
    const seller = await api.newSeller();
    const reader = await seller.keyWith("offers:read");
    expect((await failure(reader.eula.upload(pdfForm(await makePdf(1))))).code).toBe("FORBIDDEN");
  });
});
