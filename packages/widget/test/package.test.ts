// @vitest-environment node
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { packWorkspacePackage } from "@offerkit/test-server/pack";
import { publint } from "publint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const widgetDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const run = (command: string, args: string[], cwd: string) =>
  execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/**
 * The published package as a marketing site gets it: packed, installed with npm next to React 18
 * or 19 in a new project outside the workspace, type-checked strictly and rendered on the server.
 */
describe("the packed widget", () => {
  let packDir: string;
  let tarball: string;
  const projects: string[] = [];

  beforeAll(() => {
    packDir = mkdtempSync(join(tmpdir(), "offerkit-widget-pack-"));
    tarball = packWorkspacePackage(widgetDir, packDir);
  }, 60_000);
  afterAll(() => {
    for (const dir of [packDir, ...projects]) rmSync(dir, { recursive: true, force: true });
  });

  it("ships built files only, depends on nothing and has side effects only in the embed script", () => {
    const listing = run("tar", ["-tzf", tarball], packDir).split("\n").filter(Boolean);
    for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "react.js", "react.cjs", "react.d.ts", "react.d.cts", "embed/offerkit-embed.js", "embed/offerkit-embed.d.ts", "embed/package.json"]) {
      expect(listing).toContain(`package/dist/${file}`);
    }
    expect(listing.filter((file) => !file.startsWith("package/dist/")).sort()).toEqual(["package/README.md", "package/package.json"]);
    const manifest = JSON.parse(run("tar", ["-xzOf", tarball, "package/package.json"], packDir));
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.peerDependencies).toEqual({ react: "^18.0.0 || ^19.0.0" });
    expect(manifest.sideEffects).toEqual(["./dist/embed/offerkit-embed.js"]);
  });

  it("marks the React entry, and only it, as client code, in both formats", () => {
    const firstLine = (file: string) => run("tar", ["-xzOf", tarball, `package/dist/${file}`], packDir).split("\n", 1)[0];
    expect(firstLine("react.js")).toBe('"use client";');
    expect(firstLine("react.cjs")).toBe('"use client";');
    // The framework-free entry stays usable from a server component (buildDeepLink on the server).
    expect(firstLine("index.js")).not.toContain("use client");
    expect(firstLine("index.cjs")).not.toContain("use client");
  });

  it("has types that resolve for every entry under node10, node16 (CJS and ESM) and bundlers (attw)", () => {
    const report = JSON.parse(run(join(widgetDir, "node_modules/.bin/attw"), [tarball, "--format", "json", "--profile", "strict"], packDir));
    expect(report.analysis.problems).toEqual([]);
    expect(Object.keys(report.analysis.entrypoints).sort()).toEqual([".", "./embed", "./package.json", "./react"]);
  }, 60_000);

  it("passes publint, suggestions included", async () => {
    const tarballBytes = readFileSync(tarball);
    const { messages } = await publint({ pkgDir: "package", level: "suggestion", strict: true, pack: { tarball: tarballBytes.buffer.slice(tarballBytes.byteOffset, tarballBytes.byteOffset + tarballBytes.byteLength) } });
    expect(messages).toEqual([]);
  });

  it.each(["18.3.1", "19.3.1"])("type-checks and renders on the server with React %s", (version) => {
    const project = mkdtempSync(join(tmpdir(), `offerkit-widget-react${version.split(".")[0]}-`));
    projects.push(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "site", private: true, type: "module" }));
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", jsx: "react-jsx", lib: ["ES2022", "DOM"], strict: true, noEmit: true, skipLibCheck: false },
        files: ["sample.tsx"],
      }),
    );
    for (const file of ["sample.tsx", "sample.mjs", "sample.cjs"]) copyFileSync(join(widgetDir, "test/consumer", file), join(project, file));
    const major = version.split(".")[0];
    run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--loglevel=error", tarball, `react@${version}`, `react-dom@${version}`, `@types/react@${major}`, `@types/react-dom@${major}`, "typescript@5.9.3"],
      project,
    );
    expect(readdirSync(join(project, "node_modules", "@offerkit"))).toEqual(["widget"]);
    run(join(project, "node_modules/.bin/tsc"), ["-p", "."], project);

    const esm = JSON.parse(run(process.execPath, ["sample.mjs"], project));
    expect(esm.link).toBe("https://aws.amazon.com/marketplace/pp/B00635Y2IW/ref=vdr_rf");
    expect(esm.html).toContain('href="https://links.acme.example/pp/B00635Y2IW/ref=ads_q3"');
    expect(esm.html).toContain("View on AWS Marketplace");
    expect(esm.html).toContain('type="checkbox"');
    // The form's stylesheet arrives as CSS, not as escaped text (React 18 escapes a style's text).
    expect(esm.html).toContain('.offerkit-contact-form .offerkit-field>label{');
    expect(esm.html).toContain('"Segoe UI"');
    const cjs = JSON.parse(run(process.execPath, ["sample.cjs"], project));
    expect(cjs.html).toBe('<a href="https://aws.amazon.com/marketplace/pp/B00635Y2IW/ref=vdr_rf">Buy</a>');
  }, 120_000);

  it("keeps MarketplaceLink within 1 KB and the embed script within 4 KB, gzipped", async () => {
    const bundle = await build({
      stdin: { contents: `export { MarketplaceLink } from "./dist/react.js";`, resolveDir: widgetDir },
      bundle: true,
      minify: true,
      format: "esm",
      target: "es2022",
      external: ["react", "react/jsx-runtime"],
      define: { "process.env.NODE_ENV": '"production"' },
      write: false,
    });
    const gzipped = (bytes: Uint8Array) => gzipSync(bytes, { level: 9 }).byteLength;
    expect(gzipped(bundle.outputFiles[0]?.contents ?? new Uint8Array(64 * 1024))).toBeLessThanOrEqual(1024);
    expect(gzipped(readFileSync(join(widgetDir, "dist", "embed", "offerkit-embed.js")))).toBeLessThanOrEqual(4096);
  });
});
