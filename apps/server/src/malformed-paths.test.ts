import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./observability/logger";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

describe("paths with malformed URL-encoding", () => {
  const lines: string[] = [];
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({}, { logger: createLogger("warn", { write: (line: string) => lines.push(line) }) });
  });
  afterAll(async () => server.stop());

  it.each(["/offers/%E0%A4%A", "/eula/%E0%A4%A", "/buyer/offers/%E0%A4%A/eula", "/reports/%E0%A4%A", "/reports/%", "/trpc/buyer.offers%E0%A4%A"])(
    "%s answers 400 and logs no failure",
    async (path) => {
      const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
      expect(response.status).toBe(400);
      expect(lines.filter((line) => line.includes('"level":50'))).toEqual([]);
    },
  );
});
