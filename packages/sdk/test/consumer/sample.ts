// A partner app's first script, type-checked and run against a real server by the tarball test.
import { canonicalPrice, createOfferkitClient, isOfferkitError, type AgreementTerm, type OfferIdInput, type OfferPricing, type OfferView } from "@offerkit/sdk";

const baseUrl = process.env.OFFERKIT_URL ?? "http://127.0.0.1:3000";
const apiKey = process.env.OFFERKIT_API_KEY ?? "";
const eulaPath = process.env.EULA_PATH ?? "eula.pdf";

const client = createOfferkitClient({ baseUrl, apiKey });

const { items } = await client.products.list({ limit: 100 });
const product = items.find((p) => p.pricing.model === "saas_contract");
if (!product) throw new Error("no SaaS contract product");

const eula = await client.eula.upload(eulaPath);
// A partner app names the parts of an offer it builds by the SDK's own type names.
const pricing: OfferPricing = { model: "saas_contract", contract: Object.fromEntries(product.pricing.dimensions.map((d) => [d.key, "12.50"])) };
const agreement: AgreementTerm = { kind: "duration", duration: "P12M" };
const draft: OfferView = await client.offers.create({
  productId: product.id,
  name: "Tarball deal",
  description: "Made by the packed SDK",
  buyerAccounts: ["012345678901"],
  pricing,
  eulaSha256: eula.sha256,
  agreement,
  acceptanceDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
  refundPolicy: "Ask within 30 days.",
});
const named = await client.offers.update({ offerId: draft.id, expectedVersion: draft.version, patch: { name: "Tarball deal, v2" } });
try {
  await client.offers.update({ offerId: draft.id, expectedVersion: draft.version, patch: { name: "Made from the first version" } });
  throw new Error("a stale update was written");
} catch (error) {
  if (!isOfferkitError(error) || error.code !== "CONFLICT") throw error;
}
const sent = await client.offers.send({ offerId: named.id });
const which: OfferIdInput = { offerId: sent.id };
const read = await client.offers.get(which);
const firstDimension = product.pricing.dimensions[0]?.key ?? "";
if (read.pricing?.model !== "saas_contract" || read.pricing.contract[firstDimension] !== canonicalPrice("12.50")) {
  throw new Error(`prices came back as ${JSON.stringify(read.pricing)}`);
}

try {
  await client.offers.update({ offerId: sent.id, patch: { name: "changed" } });
  throw new Error("a sent offer changed");
} catch (error) {
  if (!isOfferkitError(error) || error.code !== "OFFER_IMMUTABLE") throw error;
}

console.log(JSON.stringify({ status: read.status, version: read.version, buyerUrl: read.buyerUrl, pages: eula.pageCount }));
