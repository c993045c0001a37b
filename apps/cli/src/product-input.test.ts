import { describe, expect, it } from "vitest";
import { parseProductFile } from "./product-file";
import { createProductInput, dimensionList, updateProductPatch, type ProductFlags } from "./product-input";

const complete: ProductFlags = {
  asin: "B0EXAMPLE1",
  title: "Acme Analytics",
  description: "Dashboards",
  marketplaceProductId: "00000000-0000-4000-8000-000000000123",
  productCode: "acmeanalytics01",
  model: "usage",
  category: "hosts",
  dimensions: ["hosts_small=Small hosts", "hosts_large"],
  prices: { prices: ["hosts_small=0.10"] },
};

describe("createProductInput", () => {
  it("builds the API's input from flags, public prices in the model's shape", () => {
    expect(createProductInput(complete, {}, "products create")).toEqual({
      asin: "B0EXAMPLE1",
      title: "Acme Analytics",
      description: "Dashboards",
      marketplaceProductId: "00000000-0000-4000-8000-000000000123",
      productCode: "acmeanalytics01",
      highlights: [],
      keywords: [],
      categories: [],
      pricing: { model: "usage", category: "hosts", dimensions: [{ key: "hosts_small", name: "Small hosts" }, { key: "hosts_large", name: "hosts_large" }] },
      publicPricing: { model: "usage", rates: { hosts_small: "0.10" } },
    });
  });

  it("takes the file's fields where no flag is given", () => {
    const file = parseProductFile("title: From the file\nkeywords: [bi]\npricing:\n  model: hourly\n  freeTrialDays: 7\n  dimensions: [{ key: m5.large, name: M5 large }]\n", "p.yaml", "products create");
    const input = createProductInput({ ...complete, title: undefined, model: undefined, dimensions: undefined, prices: {} }, file, "products create");
    expect(input).toMatchObject({ title: "From the file", keywords: ["bi"], pricing: { model: "hourly", freeTrialDays: 7, dimensions: [{ key: "m5.large", name: "M5 large" }] } });
    expect(input).not.toHaveProperty("publicPricing");
  });

  it("names every missing field at once, and an unknown model", () => {
    expect(() => createProductInput({ title: "x", prices: {} }, {}, "products create")).toThrow(
      "missing --asin (asin), --description (description), --marketplace-product-id (marketplaceProductId), --product-code (productCode), --model (pricing.model)",
    );
    expect(() => createProductInput({ ...complete, model: "yearly" }, {}, "products create")).toThrow(/^--model is one of free, byol, /);
  });
});

describe("dimensionList", () => {
  it("takes key=name, the key alone standing for both", () => {
    expect(dimensionList(["seats=Seats", "storage_tb=Storage (TB) = fast", "api"])).toEqual([
      { key: "seats", name: "Seats" },
      { key: "storage_tb", name: "Storage (TB) = fast" },
      { key: "api", name: "api" },
    ]);
  });
});

describe("updateProductPatch", () => {
  const product = { asin: "B0EXAMPLE1", model: "saas_contract" as const, publicPricing: { model: "saas_contract" as const, contract: { seats: "10", storage_tb: "5" } } };

  it("holds the listing fields given and one public price over the others", () => {
    expect(updateProductPatch(product, { title: "Pro", keywords: ["bi"], prices: { prices: ["seats=12"] } }, {}, "products update")).toEqual({
      title: "Pro",
      keywords: ["bi"],
      publicPricing: { model: "saas_contract", contract: { seats: "12", storage_tb: "5" } },
    });
  });

  it("refuses to change what offers point at", () => {
    expect(() => updateProductPatch(product, { asin: "B0OTHER001", model: "usage", prices: {} }, {}, "products update")).toThrow("--asin, --model: fixed once a product exists, since offers point at it");
    expect(() => updateProductPatch(product, { prices: {} }, { asin: "B0OTHER001" }, "products update")).toThrow("the file is for B0OTHER001, not this product (B0EXAMPLE1)");
  });
});
