import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { makePdf } from "@offerkit/eula/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { packWorkspacePackage } from "@offerkit/test-server/pack";
import { checkNamedTypes } from "../test/named-types";

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = (command: string, args: string[], cwd: string, env: Record<string, string> = {}) =>
  execFileSync(command, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/**
 * The published package, as a partner app gets it: packed, installed with npm into a new
 * project outside the workspace, type-checked strictly, and run against a real server.
 */
describe("the packed SDK", () => {
  let server: ServerProcess;
  let project: string;

  beforeAll(async () => {
    server = await startServerProcess();
    project = mkdtempSync(join(tmpdir(), "offerkit-consumer-"));
    packWorkspacePackage(sdkDir, project);
  }, 60_000);
  afterAll(async () => {
    await server.stop();
    rmSync(project, { recursive: true, force: true });
  });

  it("needs no other @offerkit package, type-checks and runs a sample", async () => {
    const tarball = readdirSync(project).find((name) => name.endsWith(".tgz"));
    expect(tarball).toBeDefined();
    const listing = run("tar", ["-tzf", join(project, tarball ?? "")], project);
    expect(listing).toContain("package/dist/index.d.ts");
    expect(listing).not.toContain("package/src/");

    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: ["node"] },
        files: ["sample.ts"],
      }),
    );
    copyFileSync(join(sdkDir, "test/consumer/sample.ts"), join(project, "sample.ts"));
    copyFileSync(join(sdkDir, "test/consumer/sample.cjs"), join(project, "sample.cjs"));
    writeFileSync(join(project, "eula.pdf"), await makePdf(2, { text: "Tarball EULA" }));

    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", `./${tarball}`, "typescript@5.9.3", "@types/node@20", "tsx@4.20.6"], project);
    const installed = readdirSync(join(project, "node_modules", "@offerkit"));
    expect(installed).toEqual(["sdk"]);

    run(join(project, "node_modules/.bin/tsc"), ["-p", "."], project);
    for (const entry of ["index.d.ts", "node.d.ts", "index.d.cts", "node.d.cts"]) {
      const report = checkNamedTypes(join(project, "node_modules/@offerkit/sdk/dist", entry));
      expect({ entry, unnamed: report.unnamed, unexported: report.unexported }).toEqual({ entry, unnamed: [], unexported: [] });
    }
    const output = run(join(project, "node_modules/.bin/tsx"), ["sample.ts"], project, { OFFERKIT_URL: server.url, OFFERKIT_API_KEY: ADMIN_KEY });
    expect(JSON.parse(output.trim())).toMatchObject({ status: "sent", version: 2, pages: 2 });
    expect(run("node", ["sample.cjs"], project).trim()).toBe("cjs ok");
  }, 180_000);

  it("keeps Node-only modules out of the browser entry", () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(join(sdkDir, "dist", file), "utf8");
      expect(code, file).not.toMatch(/["']node:|from ["'](fs|path|os|child_process)["']/);
      for (const [, imported] of code.matchAll(/from ["']\.\/([^"']+)["']/g)) if (imported) visit(imported);
    };
    visit("index.js");
    expect(seen.size).toBeGreaterThan(1);
  });
});
