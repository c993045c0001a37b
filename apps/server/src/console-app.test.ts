import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "./test-server";

describe("the console's files", () => {
  let built: string;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let unbuilt: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    built = mkdtempSync(join(tmpdir(), "offerkit-console-"));
    mkdirSync(join(built, "assets"));
    writeFileSync(join(built, "index.html"), "<!doctype html><title>Offerkit console</title>");
    writeFileSync(join(built, "assets", "index-abc123.js"), "console.log('console')");
    server = await startTestServer({ OFFERKIT_CONSOLE_DIR: built });
    unbuilt = await startTestServer({ OFFERKIT_CONSOLE_DIR: join(built, "missing") });
  });
  afterAll(async () => {
    await server.stop();
    await unbuilt.stop();
    rmSync(built, { recursive: true, force: true });
  });

  it("serves the page at /console and at every console route, never cached", async () => {
    for (const path of ["/console", "/console/", "/console/offers/offer-abc/edit"]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain("Offerkit console");
      expect(response.headers.get("cache-control")).toBe("no-cache");
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    }
  });

  it("serves hashed assets for good, and no file that is not there", async () => {
    const asset = await fetch(`${server.url}/console/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${server.url}/console/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}/console/assets/..%2f..%2findex.html`)).status).toBe(404);
  });

  it("sends / to the console", async () => {
    const response = await fetch(`${server.url}/`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/console/");
  });

  it("says how to build the console when it is not built", async () => {
    const response = await fetch(`${unbuilt.url}/console/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("pnpm --filter @offerkit/console build");
  });
});
