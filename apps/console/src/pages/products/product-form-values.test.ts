import type { Product } from "@offerkit/sdk";
import { describe, expect, it } from "vitest";
import { createInputOf, emptyProductForm, linesOf, productFormOf, updateInputOf, type ProductFormValues } from "./product-form-values";

const typed = (patch: Partial<ProductFormValues>): ProductFormValues => ({
  ...emptyProductForm(),
  title: "  Acme Analytics ",
  description: "Dashboards",
  asin: "B00ACME001",
  marketplaceProductId: "00000000-0000-4000-8000-000000000001",
  productCode: "acmeanalytics01",
  ...patch,
});

describe("createInputOf", () => {
  it("sends a SaaS contract with its dimensions, trimmed, and leaves out empty rows and an empty catalog ID", () => {
    const made = createInputOf(typed({ dimensions: [{ key: " seats ", name: "User seats" }, { key: "", name: " " }], highlights: "Fast\n\n Secure \n", keywords: "", categories: "" }));
    expect(made).toEqual({
      input: {
        title: "Acme Analytics",
        description: "Dashboards",
        asin: "B00ACME001",
        marketplaceProductId: "00000000-0000-4000-8000-000000000001",
        productCode: "acmeanalytics01",
        pricing: { model: "saas_contract", dimensions: [{ key: "seats", name: "User seats" }] },
        highlights: ["Fast", "Secure"],
        keywords: [],
        categories: [],
      },
    });
  });

  it("sends what the server must judge as typed: a bad ASIN, four keywords", () => {
    const made = createInputOf(typed({ asin: "b00-acme", keywords: "a\nb\nc\nd" }));
    expect("input" in made && made.input.asin).toBe("b00-acme");
    expect("input" in made && made.input.keywords).toEqual(["a", "b", "c", "d"]);
  });

  it("gives a model without dimensions none, and a usage model its category", () => {
    expect(createInputOf(typed({ model: "monthly" }))).toMatchObject({ input: { pricing: { model: "monthly" } } });
    expect(createInputOf(typed({ model: "usage", category: "hosts", dimensions: [{ key: "h", name: "Hosts" }] }))).toMatchObject({
      input: { pricing: { model: "usage", category: "hosts", dimensions: [{ key: "h", name: "Hosts" }] } },
    });
  });

  it("names the field of what cannot even be put in the request", () => {
    expect(createInputOf(typed({ model: "usage", category: "" }))).toEqual({ errors: { "pricing.category": "Choose what the usage is measured in" } });
    expect(createInputOf(typed({ model: "saas_subscription", category: "bandwidth" }))).toEqual({ errors: { "pricing.category": "Choose what the usage is measured in" } });
    expect(createInputOf(typed({ model: "hourly", freeTrialDays: "two weeks" }))).toEqual({ errors: { "pricing.freeTrialDays": "Free-trial days are a whole number, 5 to 31" } });
  });

  it("reads free-trial days as a number, for the server to hold to 5 to 31", () => {
    expect(createInputOf(typed({ model: "hourly", freeTrialDays: " 40 ", dimensions: [{ key: "m5.large", name: "m5.large" }] }))).toMatchObject({
      input: { pricing: { model: "hourly", freeTrialDays: 40 } },
    });
  });
});

describe("productFormOf and updateInputOf", () => {
  const product: Product = {
    id: "prod-aaaaaaaaaaaa",
    title: "Acme",
    description: "Dashboards",
    asin: "B00ACME001",
    marketplaceProductId: "00000000-0000-4000-8000-000000000001",
    productCode: "acmeanalytics01",
    highlights: ["Fast"],
    keywords: ["bi", "dashboards"],
    categories: [],
    pricing: { model: "hourly", dimensions: [{ key: "m5.large", name: "M5 large" }], freeTrialDays: 14 },
    supportConnection: false,
    createdAt: "2027-01-01T00:00:00.000Z",
    updatedAt: "2027-01-01T00:00:00.000Z",
  };

  it("starts the edit form with the product's values, lists one per line", () => {
    expect(productFormOf(product)).toMatchObject({ model: "hourly", freeTrialDays: "14", keywords: "bi\ndashboards", catalogProductId: "" });
  });

  it("patches the listing only: the model and the marketplace's identifiers stay", () => {
    expect(updateInputOf(product.id, { ...productFormOf(product), title: "Acme BI ", catalogProductId: "prod-1111111111111" })).toEqual({
      productId: product.id,
      patch: { title: "Acme BI", description: "Dashboards", highlights: ["Fast"], keywords: ["bi", "dashboards"], categories: [], catalogProductId: "prod-1111111111111" },
    });
  });
});

describe("linesOf", () => {
  it("takes one item per non-empty line, Windows line ends included", () => {
    expect(linesOf("a\r\n\r\n b \n")).toEqual(["a", "b"]);
  });
});
