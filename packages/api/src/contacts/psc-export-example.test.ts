import { readFileSync } from "node:fs";
import { testDialects } from "@offerkit/db/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { createTestApi, sampleProduct } from "../testing";
import { countingIds } from "./counting-ids.fixture";

const ALICE = "111111111111";
const BOB = "222222222222";

// The seller guide's example, written from its description of the export: several contacts of
// one account, each once with its latest operation; DELETE rows with the identifying columns
// only, one of them for a cancelled subscription. GUIDs computed apart from this code (RFC 9562
// version 5 in Offerkit's namespace, e.g. Python's uuid.uuid5).
const expected = readFileSync(new URL("./psc-export-example.csv", import.meta.url), "utf8");

describe.each(testDialects())("the PSC export, byte for byte, on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  // A fresh API per test: the IDs, and so the GUIDs, count from 1 in each.
  beforeEach(async () => {
    api = await createTestApi(dialect, { ids: countingIds() });
  });
  afterEach(async () => api.close());

  /** The example's story through API calls; answers the export of its window. */
  async function runExample() {
    api.clock.set("2027-03-01T12:00:00.000Z");
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(
      sampleProduct({ marketplaceProductId: "4e5c0f1a-8b2d-4c6e-9f3a-1b2c3d4e5f60", productCode: "cf9x2kqyal1b7o6w", pricing: { model: "free", dimensions: [] } }),
    );
    await seller.admin.products.setSupportConnection({ productId: product.id, enrolled: true });
    const alice = await seller.buyer(ALICE);
    const bob = await seller.buyer(BOB);
    const aliceSub = await alice.buyer.subscriptions.subscribe({ asin: product.asin });
    api.clock.set("2027-03-01T12:05:00.000Z");
    const bobSub = await bob.buyer.subscriptions.subscribe({ asin: product.asin });

    api.clock.set("2027-03-02T10:00:00.000Z");
    const ada = { givenName: "Ada", surname: "Lovelace", title: "Head of IT", organization: "Analytical Engines, Ltd.", email: "Ada@Engines.Example", phone: "555-947-8228", countryCode: "US", postalCode: "98109" };
    const a1 = await alice.buyer.contacts.share({ subscriptionId: aliceSub.id, consent: true, contact: ada });
    const a2 = await alice.buyer.contacts.share({
      subscriptionId: aliceSub.id,
      consent: true,
      contact: { givenName: "Charles", surname: "Babbage", organization: "Analytical Engines, Ltd.", email: "charles@engines.example", phone: "+44 20 7946 0100" },
    });
    await bob.buyer.contacts.share({
      subscriptionId: bobSub.id,
      consent: true,
      contact: { givenName: "Katherine", surname: "Johnson", organization: "Langley", email: "kj@langley.example", phone: "757-555-0134", countryCode: "US" },
    });
    const reader = await seller.keyWith("contacts:read");
    const windowStart = (await reader.contacts.changes()).nextCursor;

    api.clock.set("2027-03-03T09:15:30.250Z");
    await alice.buyer.contacts.update({ contactId: a1.id, consent: true, contact: { ...ada, phone: "+1 206 555 0100" } });
    api.clock.set("2027-03-03T09:20:00.000Z");
    await alice.buyer.contacts.delete({ contactId: a2.id });
    api.clock.set("2027-03-03T09:30:00.000Z");
    await alice.buyer.contacts.share({
      subscriptionId: aliceSub.id,
      consent: true,
      contact: { givenName: "Grace", surname: "Hopper", organization: "Navy", email: "grace@navy.example", phone: "(202) 555-0199", countryCode: "US" },
    });
    api.clock.set("2027-03-03T09:40:00.000Z");
    const alan = { givenName: "Alan", surname: "Turing", title: "Cryptanalyst", organization: "@Bletchley Park", email: "alan@bletchley.example", phone: "+44 20 7946 0958", countryCode: "GB" };
    const a4 = await alice.buyer.contacts.share({ subscriptionId: aliceSub.id, consent: true, contact: alan });
    api.clock.set("2027-03-03T09:45:00.000Z");
    await alice.buyer.contacts.update({ contactId: a4.id, consent: true, contact: { ...alan, title: "Chief, Hut 8" } });
    api.clock.set("2027-03-03T10:00:00.000Z");
    await bob.buyer.subscriptions.cancel({ subscriptionId: bobSub.id });

    api.clock.set("2027-03-03T11:00:00.000Z");
    return { reader, windowStart, exported: await reader.contacts.exportCsv({ since: windowStart }) };
  }

  it("builds the seller guide's example export from API calls, byte for byte", async () => {
    const { reader, exported } = await runExample();
    expect(exported.csv).toBe(expected);
    expect(exported.rows).toBe(5);
    // The window is read: nothing comes again.
    expect((await reader.contacts.exportCsv({ since: exported.nextCursor })).rows).toBe(0);
  });

  it("reads in a spreadsheet as given: phone numbers unchanged, no formula", async () => {
    const { exported } = await runExample();
    const sheet = XLSX.read(exported.csv, { type: "string" }).Sheets.Sheet1;
    if (!sheet) throw new Error("No sheet");
    const cells = XLSX.utils.sheet_to_json<Record<string, string>>(sheet, { raw: false, defval: "" });
    expect(cells.map((row) => row["Telephone Number"])).toEqual(["+1 206 555 0100", "", "(202) 555-0199", "+44 20 7946 0958", ""]);
    expect(cells.map((row) => row["Operation Type"])).toEqual(["UPDATE", "DELETE", "CREATE", "UPDATE", "DELETE"]);
    expect(cells[3]?.Organization).toBe("'@Bletchley Park");
    const formulas = Object.entries(sheet).filter(([address, cell]) => !address.startsWith("!") && typeof cell === "object" && cell !== null && "f" in cell);
    expect(formulas).toEqual([]);
  });
});
