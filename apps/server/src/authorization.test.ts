import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const SHA = "0".repeat(64);

/** A plain route's refusal: its status, code and message. */
async function refusal(response: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return { status: response.status, code: body.error.code, message: body.error.message };
}

/** A tRPC refusal: its status and message. */
async function trpcRefusal(response: Response): Promise<{ status: number; message: string }> {
  const body = (await response.json()) as { error: { message: string } };
  return { status: response.status, message: body.error.message };
}

describe("one authorization for every transport", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let productsOnly: string;
  let buyerToken: string;
  beforeAll(async () => {
    server = await startTestServer();
    const admin = server.client(BOOTSTRAP_KEY);
    productsOnly = (await admin.admin.apiKeys.create.mutate({ name: "products only", scopes: ["products:read"] })).secret;
    buyerToken = (await admin.admin.buyerTokens.issue.mutate({ account: "012345678901" })).secret;
  });
  afterAll(async () => server.stop());

  const get = (path: string, secret?: string) =>
    fetch(`${server.url}${path}`, secret ? { headers: { authorization: `Bearer ${secret}` } } : {});

  const sellerRoutes = [
    { path: `/eula/${SHA}`, procedure: "offers.list", scope: "offers:read" },
    { path: "/eula/offers/offer-abcdefghijklmnop/copies/012345678901", procedure: "offers.list", scope: "offers:read" },
    { path: "/reports/reftag_daily_breakdown_report_2027-01-02.csv", procedure: "marketing.stats", scope: "marketing:read" },
    { path: "/contacts/export.csv", procedure: "contacts.changes", scope: "contacts:read" },
  ];

  it.each(sellerRoutes)("$path refuses as tRPC's $procedure does: no key, a buyer token, a key without $scope", async ({ path, procedure, scope }) => {
    for (const secret of [undefined, buyerToken]) {
      const plain = await refusal(await get(path, secret));
      expect(plain).toEqual({ status: 401, code: "UNAUTHORIZED", message: "A seller API key is required: send Authorization: Bearer <key>" });
      expect(await trpcRefusal(await get(`/trpc/${procedure}`, secret))).toEqual({ status: 401, message: plain.message });
    }
    const plain = await refusal(await get(path, productsOnly));
    expect(plain).toEqual({ status: 403, code: "FORBIDDEN", message: `This API key needs the ${scope} scope` });
    expect(await trpcRefusal(await get(`/trpc/${procedure}`, productsOnly))).toEqual({ status: 403, message: plain.message });
  });

  it("the buyer's EULA download refuses a seller key as tRPC's buyer procedures do", async () => {
    for (const secret of [undefined, BOOTSTRAP_KEY]) {
      const plain = await refusal(await get("/buyer/offers/offer-abcdefghijklmnop/eula", secret));
      expect(plain).toEqual({ status: 401, code: "UNAUTHORIZED", message: "A buyer token is required: send Authorization: Bearer <token>" });
      expect(await trpcRefusal(await get("/trpc/buyer.offers.list", secret))).toEqual({ status: 401, message: plain.message });
    }
  });
});
