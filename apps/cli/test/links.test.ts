import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binary, runCli } from "./run-cli";

const ASIN = "B00635Y2IW";
let server: ServerProcess;
let env: Record<string, string>;
let publicUrl: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error("No port");
  return address.port;
}

beforeAll(async () => {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run pnpm build first`);
  const port = await freePort();
  // The CLI talks to 127.0.0.1; links go to the public host, as the console's and the API's do.
  publicUrl = `http://localhost:${port}`;
  server = await startServerProcess({ PORT: String(port), OFFERKIT_PUBLIC_URL: publicUrl });
  env = { OFFERKIT_URL: server.url, OFFERKIT_API_KEY: ADMIN_KEY };
});
afterAll(async () => server?.stop());

describe("offerkit links build", () => {
  it("prints the tracked link on the server's public URL and the marketplace link", async () => {
    const result = await runCli(["links", "build", "--asin", ASIN, "--ref-tag", "ads_cli_q3"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(`tracked      ${publicUrl}/pp/${ASIN}/ref=ads_cli_q3\nmarketplace  https://aws.amazon.com/marketplace/pp/${ASIN}/ref=ads_cli_q3\n`);
    const asJson = await runCli(["links", "build", "--asin", ASIN, "--json"], { env });
    expect(JSON.parse(asJson.stdout)).toEqual({ marketplaceUrl: `https://aws.amazon.com/marketplace/pp/${ASIN}/ref=vdr_rf`, trackingUrl: `${publicUrl}/pp/${ASIN}/ref=vdr_rf` });
  });

  it("says which flag is wrong", async () => {
    const missing = await runCli(["links", "build"], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing --asin");
    const badTag = await runCli(["links", "build", "--asin", ASIN, "--ref-tag", "bad tag"], { env });
    expect(badTag.code).not.toBe(0);
    expect(badTag.stderr).toContain("refTag");
  });
});
