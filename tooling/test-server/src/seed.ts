import { makePdf } from "@offerkit/eula/testing";
import { z } from "zod";
import { ADMIN_KEY } from "./index";

/** The ASIN the seeded offer is for (the demo SaaS-contract product). */
export const OFFER_ASIN = "B00635Y2IW";
/** The demo free product, enrolled in Product Support Connection by the seed. */
export const SUPPORT_ASIN = "B0DEMO0002";

export interface BuyerScenario {
  offerId: string;
  buyerUrl: string;
  /** A token for the account the offer targets. */
  targetedToken: string;
  /** A token for an account with no offer. */
  otherToken: string;
  /** The targeted account's subscription to SUPPORT_ASIN, which takes support contacts. */
  subscriptionId: string;
}

/**
 * Over plain HTTP, as any client would: a sent private offer for one account, a second account
 * without one, and a subscription to a product enrolled in Product Support Connection.
 */
export async function seedBuyerScenario(url: string, accounts = { targeted: "111122223333", other: "444455556666" }): Promise<BuyerScenario> {
  const call = rpc(url, ADMIN_KEY);
  const products = await call("products.list", "query", { limit: 100 }, z.object({ items: z.array(z.object({ id: z.string(), asin: z.string() })) }));
  const productId = (asin: string) => {
    const product = products.items.find((item) => item.asin === asin);
    if (!product) throw new Error(`The demo product ${asin} is missing`);
    return product.id;
  };
  await call("products.setSupportConnection", "mutation", { productId: productId(SUPPORT_ASIN), enrolled: true }, z.unknown());

  const form = new FormData();
  const pdf = new Uint8Array(await makePdf(2, { text: "Widget test EULA" }));
  form.append("file", new Blob([pdf], { type: "application/pdf" }), "eula.pdf");
  const upload = await fetch(`${url}/trpc/eula.upload`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_KEY}` }, body: form });
  const eula = await readResult(upload, "eula.upload", z.object({ sha256: z.string() }));

  const deadline = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  const draft = await call("offers.create", "mutation", {
    productId: productId(OFFER_ASIN),
    name: "Widget test offer",
    description: "Seeded for browser and widget tests",
    buyerAccounts: [accounts.targeted],
    pricing: { model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } },
    eulaSha256: eula.sha256,
    agreement: { kind: "duration", duration: "P12M" },
    acceptanceDeadline: deadline,
    refundPolicy: "Write to refunds@acme.example within 30 days.",
  }, withId);
  const sent = await call("offers.send", "mutation", { offerId: draft.id }, z.object({ id: z.string(), buyerUrl: z.string() }));

  const token = async (account: string) => (await call("admin.buyerTokens.issue", "mutation", { account }, z.object({ secret: z.string() }))).secret;
  const targetedToken = await token(accounts.targeted);
  const otherToken = await token(accounts.other);
  const subscription = await rpc(url, targetedToken)("buyer.subscriptions.subscribe", "mutation", { asin: SUPPORT_ASIN }, withId);
  return { offerId: sent.id, buyerUrl: sent.buyerUrl, targetedToken, otherToken, subscriptionId: subscription.id };
}

const withId = z.object({ id: z.string() });

/** Calls procedures over tRPC's plain HTTP shape as `secret`, reading each answer with a schema. */
export function rpc(url: string, secret: string) {
  return async <T>(path: string, kind: "query" | "mutation", input: unknown, result: z.ZodType<T>): Promise<T> => {
    const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
    const response =
      kind === "query"
        ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
        : await fetch(`${url}/trpc/${path}`, { method: "POST", headers, body: JSON.stringify(input) });
    return readResult(response, path, result);
  };
}

async function readResult<T>(response: Response, path: string, result: z.ZodType<T>): Promise<T> {
  const body = z
    .object({ result: z.object({ data: result }).optional(), error: z.object({ message: z.string() }).optional() })
    .parse(await response.json());
  if (!response.ok || !body.result) throw new Error(`${path} failed (${response.status}): ${body.error?.message ?? "no result"}`);
  return body.result.data;
}
