import { randomBytes } from "node:crypto";
import { appRouter } from "@offerkit/api";
import { createEmptyPostgresDatabase, testDialects, type EmptyPostgresDatabase } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const NUL = "\u0000";

/** Each procedure with whether it is called by GET (a query) or POST (a mutation). */
const procedures = Object.entries(appRouter._def.procedures).map(([path, procedure]) => {
  const type: unknown = (procedure as { _def?: { type?: unknown } })._def?.type;
  return { path, mutation: type === "mutation" };
});

/** Inputs with NUL in every place a field can be: values, keys, arrays, nested objects. */
const hostileInputs: unknown[] = [
  NUL,
  { name: `Acme${NUL}` },
  { [`name${NUL}`]: "Acme" },
  { offerId: `offer-${NUL}aaaaaaaaaaaaaaaa`, asin: `B00635Y2I${NUL}`, account: `01234567890${NUL}` },
  { items: [NUL, { deep: { deeper: [NUL] } }] },
  { limit: 10, cursor: NUL, since: NUL, refTag: `ads${NUL}` },
];

describe.each(testDialects())("every procedure given hostile input on %s", (dialect) => {
  let database: EmptyPostgresDatabase | undefined;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let buyerToken: string;
  beforeAll(async () => {
    const env: Record<string, string> = { OFFERKIT_RATE_LIMIT_BUYER: "0", OFFERKIT_RATE_LIMIT_CONTACTS: "0", OFFERKIT_RATE_LIMIT_AUTH_FAILURES: "0" };
    if (dialect === "postgres") {
      database = await createEmptyPostgresDatabase();
      Object.assign(env, { DATABASE_URL: database.url, OFFERKIT_DATA_KEY: randomBytes(32).toString("base64") });
    }
    server = await startTestServer(env);
    buyerToken = (await server.client(BOOTSTRAP_KEY).admin.buyerTokens.issue.mutate({ account: "012345678901" })).secret;
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    await database?.drop();
  }, 60_000);

  const send = (path: string, mutation: boolean, input: unknown, secret: string) => {
    const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
    const body = JSON.stringify(input);
    return mutation
      ? fetch(`${server.url}/trpc/${path}`, { method: "POST", headers, body })
      : fetch(`${server.url}/trpc/${path}?input=${encodeURIComponent(body)}`, { headers });
  };

  it("answers NUL in any field with VALIDATION_FAILED and the NUL rule, as a seller and as a buyer, never 5xx", async () => {
    const statuses = new Map<number, number>();
    for (const { path, mutation } of procedures) {
      for (const secret of [BOOTSTRAP_KEY, buyerToken]) {
        for (const input of hostileInputs) {
          const response = await send(path, mutation, input, secret);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          expect(response.status, `${path} ${JSON.stringify(input)}`).toBeLessThan(500);
          if (response.status === 400) {
            const body = (await response.json()) as { error: { data: { offerkitCode: string; issues: { message: string }[] } } };
            expect(body.error.data).toMatchObject({ offerkitCode: "VALIDATION_FAILED", issues: [{ message: expect.stringContaining("NUL") }] });
          } else {
            await response.body?.cancel();
          }
        }
      }
    }
    expect(statuses.get(400)).toBeGreaterThan(procedures.length);
  }, 120_000);

  it("refuses NUL in fields a valid call would store, with the field named", async () => {
    const admin = server.client(BOOTSTRAP_KEY);
    const refused = async (call: Promise<unknown>) =>
      call.then(
        () => null,
        (error: unknown) => (error as { data?: { offerkitCode?: string; issues?: { path: unknown[] }[] } }).data,
      );
    expect(await refused(admin.admin.apiKeys.create.mutate({ name: `crm${NUL}`, scopes: ["offers:read"] }))).toMatchObject({ offerkitCode: "VALIDATION_FAILED", issues: [{ path: ["name"] }] });
    expect(await refused(admin.admin.buyerTokens.issue.mutate({ account: `01234567890${NUL}` }))).toMatchObject({ offerkitCode: "VALIDATION_FAILED", issues: [{ path: ["account"] }] });
    const products = await admin.products.list.query({ limit: 100 });
    const product = products.items[0];
    if (!product) throw new Error("the demo products are missing");
    expect(await refused(admin.products.update.mutate({ productId: product.id, patch: { title: `Acme${NUL}` } }))).toMatchObject({ offerkitCode: "VALIDATION_FAILED", issues: [{ path: ["patch", "title"] }] });
  });

  it("answers malformed URL-encoding in a procedure's path or input with 400", async () => {
    for (const { path, mutation } of procedures) {
      for (const url of [`/trpc/${path}%E0%A4%A`, `/trpc/${path}?input=%E0%A4%A`, `/trpc/${path}?batch=1&input=%`, `/trpc/%${path}`]) {
        const response = await fetch(`${server.url}${url}`, { method: mutation ? "POST" : "GET", headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
        await response.body?.cancel();
        expect(response.status, url).toBeGreaterThanOrEqual(400);
        expect(response.status, url).toBeLessThan(500);
      }
    }
  }, 60_000);
});
