import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator } from "kysely";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./connect";
import { findPublication, insertSeller, migrateToLatest } from "./index";
import { migrationsBefore } from "./testing";

const at = "2027-01-01T00:00:00.000Z";

describe("migration 0005 on a database with offers", () => {
  it("records every offer sent before it as published at its own buyer URL, and leaves drafts alone", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "offerkit-0005-"));
    const handle = openDatabase({ dataDir });
    try {
      const { error } = await new Migrator({ db: handle.db, provider: { getMigrations: async () => migrationsBefore("0005-publications") } }).migrateToLatest();
      expect(error).toBeUndefined();
      await insertSeller(handle.db, { id: "seller-a", name: "A", dataSharingEnrolled: true, createdAt: at });
      await handle.db
        .insertInto("products")
        .values({
          id: "prod-aaaaaaaaaa",
          seller_id: "seller-a",
          asin: "B00635Y2IW",
          marketplace_product_id: "00000000-0000-4000-8000-000000000001",
          product_code: "abcdefgh1234",
          title: "Widget",
          description: "A widget",
          highlights: "[]",
          keywords: "[]",
          categories: "[]",
          pricing_model: "monthly",
          pricing: JSON.stringify({ model: "monthly", dimensions: [] }),
          public_pricing: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      // Rows as the schema before 0005 held them: the repositories of today write newer columns.
      const offer = { seller_id: "seller-a", product_id: "prod-aaaaaaaaaa", buyer_accounts: "[]", created_at: at, updated_at: at };
      await handle.db
        .insertInto("offers")
        .values([
          { ...offer, id: "offer-draft0000001", status: "draft" },
          {
            ...offer,
            id: "offer-sent00000001",
            status: "sent",
            buyer_url: "https://example.test/offers/offer-sent00000001",
            terms_sha256: "f".repeat(64),
            sent_at: "2027-01-02T00:00:00.000Z",
          },
        ])
        .execute();

      await migrateToLatest(handle.db);
      expect(await findPublication(handle.db, "offer-sent00000001")).toMatchObject({
        state: "published",
        attempt: 1,
        buyerUrl: "https://example.test/offers/offer-sent00000001",
        marketplaceOfferId: null,
        nextCheckAt: null,
        updatedAt: "2027-01-02T00:00:00.000Z",
      });
      expect(await findPublication(handle.db, "offer-draft0000001")).toBeNull();
    } finally {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
