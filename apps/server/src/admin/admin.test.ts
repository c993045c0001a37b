import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sampleProduct } from "@offerkit/api/testing";
import { integrityProblems } from "@offerkit/db";
import { createOfferkitClient, isOfferkitError } from "@offerkit/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { createLogger } from "../observability/logger";
import { startServer } from "../start-server";
import { BOOTSTRAP_KEY, startTestServer } from "../test-server";

const serverDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

interface AdminRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `offerkit-admin` as an operator runs it: its own process, with the servers' settings. */
function admin(args: string[], env: Record<string, string>): Promise<AdminRun> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/admin/main.ts", ...args], {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isOfferkitError(error)) return error.code;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("offerkit-admin", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let env: Record<string, string>;
  beforeEach(async () => {
    server = await startTestServer();
    env = { OFFERKIT_DATA_DIR: server.dataDir, OFFERKIT_BOOTSTRAP_KEY: BOOTSTRAP_KEY };
  });
  afterEach(async () => {
    await server.stop();
  });

  it("creates a seller whose admin key works through the SDK, lists it, and revokes its keys", { timeout: 60_000 }, async () => {
    const created = await admin(["sellers", "create", "--name", "Acme Corp", "--json"], env);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const { sellerId, adminKey } = JSON.parse(created.stdout) as { sellerId: string; adminKey: { secret: string } };

    const acme = createOfferkitClient({ baseUrl: server.url, apiKey: adminKey.secret });
    expect(await acme.admin.whoami()).toMatchObject({ sellerId, scopes: ["admin"] });
    const product = await acme.products.create(sampleProduct({ title: "Acme Analytics" }));
    expect((await acme.products.list({})).items.map((item) => item.id)).toEqual([product.id]);
    // A new tenant: the demo seller's products are not its own.
    const demo = createOfferkitClient({ baseUrl: server.url, apiKey: BOOTSTRAP_KEY });
    expect((await demo.products.list({ limit: 100 })).items.map((item) => item.id)).not.toContain(product.id);

    const listed = await admin(["sellers", "list"], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${sellerId}\\s+Acme Corp\\s+1\\s+no`));

    const revoked = await admin(["keys", "revoke", "--seller", sellerId], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`Revoked 1 keys of seller ${sellerId}`);
    expect(await refusal(acme.admin.whoami())).toBe("UNAUTHORIZED");
  });

  it("rotates the bootstrap key: the old one stops at once, and a server started with it refuses to start", { timeout: 60_000 }, async () => {
    const rotated = await admin(["bootstrap-key", "rotate", "--json"], env);
    expect(rotated.code).toBe(0);
    const { secret } = JSON.parse(rotated.stdout) as { secret: string };
    expect(secret).not.toBe(BOOTSTRAP_KEY);
    expect(await refusal(createOfferkitClient({ baseUrl: server.url, apiKey: BOOTSTRAP_KEY }).admin.whoami())).toBe("UNAUTHORIZED");
    expect(await createOfferkitClient({ baseUrl: server.url, apiKey: secret }).admin.whoami()).toMatchObject({ sellerId: "seller-demo", scopes: ["admin"] });

    await expect(startServer(loadConfig({ PORT: "0", ...env }), { logger: createLogger("silent") })).rejects.toThrow(/OFFERKIT_BOOTSTRAP_KEY is a key that was revoked/);

    const again = await admin(["bootstrap-key", "rotate"], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("OFFERKIT_BOOTSTRAP_KEY was already revoked");
  });

  it("says what is wrong with a command line, with exit code 2", { timeout: 60_000 }, async () => {
    const cases: [string[], RegExp][] = [
      [["sellers", "create"], /--name must not be empty/],
      [["keys", "revoke"], /keys revoke needs --seller/],
      [["sellers", "delete"], /Unknown command: sellers delete/],
      [["backup"], /backup needs a new folder to write/],
      [["sellers", "list", "--colour"], /Unknown option '--colour'/],
    ];
    for (const [args, message] of cases) {
      const run = await admin(args, env);
      expect(run.stderr, args.join(" ")).toMatch(message);
      expect(run.code, args.join(" ")).toBe(2);
    }
    const unknownSeller = await admin(["keys", "revoke", "--seller", "seller-nobody"], env);
    expect([unknownSeller.code, unknownSeller.stderr.trim()]).toEqual([1, "No seller seller-nobody"]);
    const postgres = await admin(["backup", join(server.dataDir, "b.sqlite")], { ...env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", OFFERKIT_DATA_KEY: Buffer.alloc(32, 1).toString("base64") });
    expect(postgres.code).toBe(2);
    expect(postgres.stderr).toContain("pg_dump");
  });

  it("backs up under write load; the restore passes the integrity check and holds every write acknowledged before the backup began", { timeout: 120_000 }, async () => {
    const client = createOfferkitClient({ baseUrl: server.url, apiKey: BOOTSTRAP_KEY });
    const acknowledged: string[] = [];
    let writing = true;
    const writer = async () => {
      while (writing) acknowledged.push((await client.products.create(sampleProduct())).id);
    };
    const writers = [writer(), writer(), writer()];
    while (acknowledged.length < 60) await new Promise((resolve) => setTimeout(resolve, 10));

    const backupFolder = mkdtempSync(join(tmpdir(), "offerkit-backup-"));
    const restoredDir = mkdtempSync(join(tmpdir(), "offerkit-restored-"));
    try {
      const beforeBackup = [...acknowledged];
      const backup = await admin(["backup", backupFolder], env);
      const duringBackup = acknowledged.length - beforeBackup.length;
      writing = false;
      await Promise.all(writers);
      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/^Backed up the database \(\d+ pages, \d+ bytes; integrity check: ok\) and data\.key[^\n]* to .*\.\n$/);
      // The writes went on while the backup ran: it was taken under load, not in a lull.
      expect(duringBackup).toBeGreaterThan(0);
      const file = join(backupFolder, "offerkit.sqlite");
      expect(integrityProblems(file)).toEqual([]);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(backupFolder).mode & 0o777).toBe(0o700);
      expect((await admin(["backup", backupFolder], env)).stderr).toContain("exists and is not empty");

      const restoreEnv = { OFFERKIT_DATA_DIR: restoredDir, OFFERKIT_BOOTSTRAP_KEY: BOOTSTRAP_KEY };
      const unconfirmed = await admin(["restore", backupFolder], restoreEnv);
      expect([unconfirmed.code, unconfirmed.stderr]).toEqual([2, expect.stringContaining("Stop every server first, then run it again with --yes")]);
      const restored = await admin(["restore", backupFolder, "--yes"], restoreEnv);
      expect(restored.stderr).toBe("");
      expect(restored.code).toBe(0);
      expect(integrityProblems(join(restoredDir, "offerkit.sqlite"))).toEqual([]);
      expect(statSync(join(restoredDir, "offerkit.sqlite")).mode & 0o777).toBe(0o600);

      const restoredServer = await startTestServer({ OFFERKIT_DATA_DIR: restoredDir });
      try {
        const ids = new Set<string>();
        const reader = createOfferkitClient({ baseUrl: restoredServer.url, apiKey: BOOTSTRAP_KEY });
        for await (const product of reader.products.listAll()) ids.add(product.id);
        expect(beforeBackup.filter((id) => !ids.has(id))).toEqual([]);
      } finally {
        await restoredServer.close();
      }
    } finally {
      writing = false;
      rmSync(backupFolder, { recursive: true, force: true });
      rmSync(restoredDir, { recursive: true, force: true });
    }
  });

  it("refuses to restore a file that is not a sound SQLite database, and leaves the database as it was", { timeout: 60_000 }, async () => {
    const folder = mkdtempSync(join(tmpdir(), "offerkit-bad-backup-"));
    try {
      writeFileSync(join(folder, "offerkit.sqlite"), "SQLite format 3\0 but not really");
      const run = await admin(["restore", folder, "--yes"], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("is not restored: its database fails the integrity check");
      expect(await createOfferkitClient({ baseUrl: server.url, apiKey: BOOTSTRAP_KEY }).admin.whoami()).toMatchObject({ sellerId: "seller-demo" });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
