import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makePdf } from "@offerkit/eula/testing";
import { createOfferkitClient } from "@offerkit/sdk";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repository = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** Every file under `folder`, relative, for asserting what the folder holds and what it does not. */
function filesUnder(folder: string, prefix = ""): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(folder, path) : [path];
  });
}

/** `/readyz` as an orchestrator polls it: the first 200 within 20 s, or the last answer. */
async function readiness(url: string): Promise<{ status: number; body: unknown }> {
  let last = { status: 0, body: null as unknown };
  for (const started = Date.now(); Date.now() - started < 20_000; await new Promise((resolve) => setTimeout(resolve, 200))) {
    const response = await fetch(`${url}/readyz`);
    last = { status: response.status, body: await response.json() };
    if (response.status === 200) break;
  }
  return last;
}

describe("the deployable folder", () => {
  let outside: string;
  let folder: string;
  let server: ServerProcess;

  beforeAll(async () => {
    // Outside the workspace: nothing of the repository's node_modules can be found from there.
    outside = mkdtempSync(join(tmpdir(), "offerkit-deploy-"));
    folder = join(outside, "offerkit");
    // The builds are made before this suite runs (turbo.json), as `npm run build` makes them.
    execFileSync("bash", ["scripts/deploy-folder.sh", "--built", folder], { cwd: repository, stdio: "pipe", timeout: 600_000 });
    server = await startServerProcess(
      { OFFERKIT_BOOTSTRAP_KEY: ADMIN_KEY },
      // Plain node and a bare environment, as a container or a service manager starts it.
      { entry: { cwd: folder, args: ["dist/main.js"] }, baseEnv: { PATH: "/usr/bin:/bin", HOME: outside }, dataDir: join(outside, "data") },
    );
  }, 660_000);

  afterAll(async () => {
    await server?.stop();
    if (outside) rmSync(outside, { recursive: true, force: true });
  });

  it("holds the built server, its console and run-time dependencies only", () => {
    const files = filesUnder(folder);
    expect(files).toContain("dist/main.js");
    expect(files).toContain("dist/admin.js");
    expect(files).toContain("console/index.html");
    expect(files.filter((file) => file.startsWith("dist/") && /\.tsx?$/.test(file))).toEqual([]);
    const modules = readdirSync(join(folder, "node_modules")).filter((name) => !name.startsWith("."));
    expect(modules.sort()).toEqual(["better-sqlite3", "pg", "pino", "pino-pretty"]);
    for (const development of ["tsx", "typescript", "esbuild", "vitest"]) {
      expect(readdirSync(join(folder, "node_modules", ".pnpm")).filter((name) => name.startsWith(`${development}@`)), development).toEqual([]);
    }
    expect(existsSync(join(folder, "src"))).toBe(false);
  });

  it("serves readiness, the console and a whole send-and-accept through the SDK", { timeout: 60_000 }, async () => {
    expect(await readiness(server.url)).toEqual({ status: 200, body: expect.objectContaining({ ready: true, pendingMigrations: [] }) });
    const consolePage = await fetch(`${server.url}/console/`);
    expect(consolePage.status).toBe(200);
    expect(await consolePage.text()).toContain("<div id=\"root\">");

    const seller = createOfferkitClient({ baseUrl: server.url, apiKey: ADMIN_KEY });
    const product = (await seller.products.list({ limit: 100 })).items.find((item) => item.pricing.model === "saas_contract");
    if (!product) throw new Error("The demo seller has no SaaS contract product");
    const eula = await seller.eula.upload(await makePdf(2, { text: "Deployed EULA" }));
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const draft = await seller.offers.create({
      productId: product.id,
      name: "Deployed offer",
      description: "Sent by the deployable folder's test",
      buyerAccounts: ["111122223333"],
      pricing: { model: "saas_contract", contract: Object.fromEntries(product.pricing.dimensions.map((dimension) => [dimension.key, "1200.00"])) },
      eulaSha256: eula.sha256,
      agreement: { kind: "duration", duration: "P12M" },
      acceptanceDeadline: deadline,
      refundPolicy: "Write to refunds@acme.example within 30 days.",
    });
    const sent = await seller.offers.send({ offerId: draft.id });
    expect(sent.status).toBe("sent");

    const token = await seller.admin.buyerTokens.issue({ account: "111122223333" });
    const buyer = createOfferkitClient({ baseUrl: server.url, apiKey: token.secret });
    expect((await buyer.buyer.offers.list({})).items.map((offer) => offer.id)).toEqual([sent.id]);
    const accepted = await buyer.buyer.offers.accept({ offerId: sent.id });
    expect(accepted).toMatchObject({ offerId: sent.id, buyerAccount: "111122223333" });
    // The buyer's copy is stamped on a worker thread: its file was built beside main.js.
    const eulaCopy = await buyer.buyer.offers.downloadEula({ offerId: sent.id });
    expect(new TextDecoder().decode(eulaCopy.subarray(0, 5))).toBe("%PDF-");
  });
});
