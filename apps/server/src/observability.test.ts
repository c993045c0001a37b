import { personalDataPattern } from "@offerkit/api/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createLogger } from "./observability/logger";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const logLine = z.object({ level: z.number(), time: z.string(), msg: z.string() }).loose();
const requestLine = z.object({ reqId: z.string(), method: z.string(), path: z.string(), status: z.number(), durationMs: z.number() }).loose();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("request IDs, logs and readiness", () => {
  const lines: string[] = [];
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({}, { logger: createLogger("debug", { write: (line: string) => lines.push(line) }) });
  });
  afterAll(async () => server.stop());

  const requestLines = () =>
    lines.flatMap((line) => {
      const parsed = requestLine.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    });

  it("answers /readyz with the database reachable and no migration pending", async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", ready: true, database: "ok", pendingMigrations: [] });
  });

  it("keeps a safe X-Request-Id, echoes it and writes it on the request's line", async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "lb-7f3a.42:edge_1" } });
    expect(response.headers.get("x-request-id")).toBe("lb-7f3a.42:edge_1");
    expect(requestLines()).toContainEqual(expect.objectContaining({ reqId: "lb-7f3a.42:edge_1", method: "GET", path: "/healthz", status: 200 }));
  });

  it.each([
    ["too long", "a".repeat(65)],
    ["with unsafe characters", "id with spaces {}"],
    ["empty", ""],
  ])("replaces an X-Request-Id %s with a new one", async (_case, id) => {
    const response = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": id } });
    const echoed = response.headers.get("x-request-id") ?? "";
    expect(echoed).toMatch(UUID);
    expect(lines.join("\n")).not.toContain("id with spaces");
  });

  it("gives a request without one its own ID, different each time", async () => {
    const first = (await fetch(`${server.url}/trpc/products.list`)).headers.get("x-request-id");
    const second = (await fetch(`${server.url}/trpc/products.list`)).headers.get("x-request-id");
    expect(first).toMatch(UUID);
    expect(second).toMatch(UUID);
    expect(first).not.toBe(second);
  });

  it("writes every line as JSON, with no secret, query string or personal data", async () => {
    const seller = server.client(BOOTSTRAP_KEY);
    const buyerToken = (await seller.admin.buyerTokens.issue.mutate({ account: "012345678901" })).secret;
    await fetch(`${server.url}/trpc/buyer.offers.list?input=${encodeURIComponent(JSON.stringify({ note: "ada@engines.example" }))}`, {
      headers: { authorization: `Bearer ${buyerToken}`, cookie: "ok_vid=lovelaceVisitor0000001" },
    });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(logLine.safeParse(JSON.parse(line)).success).toBe(true);
      expect(line).not.toMatch(personalDataPattern);
      expect(line).not.toContain(BOOTSTRAP_KEY);
      expect(line).not.toContain(buyerToken);
      expect(line).not.toContain("?input=");
    }
    expect(requestLines()).toContainEqual(expect.objectContaining({ path: "/trpc/buyer.offers.list", status: expect.any(Number) }));
  });
});
