import type { CreateProductInput } from "@offerkit/core";

function demoProduct(n: number, asin: string, title: string, pricing: CreateProductInput["pricing"]): CreateProductInput {
  return {
    asin,
    marketplaceProductId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    productCode: `demoproduct${String(n).padStart(2, "0")}`,
    title,
    description: `A demo product priced ${pricing.model}, for trying Offerkit.`,
    highlights: ["Made for the tour in the README"],
    keywords: ["demo"],
    categories: ["Developer tools"],
    pricing,
  };
}

/** One product per pricing model; the SaaS contract one has the ASIN of the README's examples. */
export const demoProducts: CreateProductInput[] = [
  demoProduct(1, "B00635Y2IW", "Demo Analytics (SaaS contract)", {
    model: "saas_contract",
    dimensions: [
      { key: "seats", name: "User seats" },
      { key: "storage_tb", name: "Storage (TB)" },
    ],
  }),
  demoProduct(2, "B0DEMO0002", "Demo Free Tool", { model: "free" }),
  demoProduct(3, "B0DEMO0003", "Demo Appliance (BYOL)", { model: "byol" }),
  demoProduct(4, "B0DEMO0004", "Demo Appliance (hourly)", {
    model: "hourly",
    dimensions: [
      { key: "m5.large", name: "m5.large" },
      { key: "m5.xlarge", name: "m5.xlarge" },
    ],
    freeTrialDays: 14,
  }),
  demoProduct(5, "B0DEMO0005", "Demo Appliance (hourly + annual)", {
    model: "hourly_annual",
    dimensions: [
      { key: "c5.large", name: "c5.large" },
      { key: "c5.xlarge", name: "c5.xlarge" },
    ],
  }),
  demoProduct(6, "B0DEMO0006", "Demo Appliance (monthly)", { model: "monthly" }),
  demoProduct(7, "B0DEMO0007", "Demo Gateway (usage)", {
    model: "usage",
    category: "hosts",
    dimensions: [
      { key: "hosts_small", name: "Small hosts" },
      { key: "hosts_large", name: "Large hosts" },
    ],
  }),
  demoProduct(8, "B0DEMO0008", "Demo API (SaaS subscription)", {
    model: "saas_subscription",
    category: "requests",
    dimensions: [{ key: "requests", name: "API requests" }],
  }),
];
