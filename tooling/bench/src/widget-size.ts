/**
 * What each part of @offerkit/widget costs a page: the built package bundled by esbuild
 * (minified, ESM, React left out as the host's own), gzipped at level 9; next to a baseline, a
 * bare React link component measured the same way, and the shipped embed script as it is.
 * Budgets: `MarketplaceLink` alone at most 1 KB, the embed script at most 4 KB.
 *
 *   pnpm --filter @offerkit/widget build && pnpm --filter @offerkit/bench bench:widget-size
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

interface Row {
  name: string;
  minified: number;
  gzipped: number;
  budget?: number;
}

function sizes(name: string, code: Uint8Array, budget?: number): Row {
  return { name, minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, ...(budget ? { budget } : {}) };
}

async function bundled(name: string, source: string, budget?: number): Promise<Row> {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: "tsx" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    jsx: "automatic",
    external: ["react", "react-dom", "react/jsx-runtime"],
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    logLevel: "error",
  });
  return sizes(name, result.outputFiles[0]?.contents ?? new Uint8Array(), budget);
}

const widgetDir = dirname(createRequire(import.meta.url).resolve("@offerkit/widget/package.json"));
const rows = [
  await bundled("baseline: a bare React link component", `export const Link = ({ href, children }) => <a href={href}>{children}</a>;`),
  await bundled("MarketplaceLink alone", `export { MarketplaceLink } from "@offerkit/widget/react";`, 1024),
  await bundled("MarketplaceButton alone", `export { MarketplaceButton } from "@offerkit/widget/react";`),
  await bundled("PrivateOfferBanner alone", `export { PrivateOfferBanner } from "@offerkit/widget/react";`),
  await bundled("SupportContactForm alone", `export { SupportContactForm } from "@offerkit/widget/react";`),
  await bundled("@offerkit/widget/react, everything", `export * from "@offerkit/widget/react";`),
  await bundled("buildDeepLink alone (no framework)", `export { buildDeepLink } from "@offerkit/widget";`),
  await bundled("@offerkit/widget, everything (no framework)", `export * from "@offerkit/widget";`),
  sizes("embed script, as shipped (dist/embed/offerkit-embed.js)", readFileSync(join(widgetDir, "dist", "embed", "offerkit-embed.js")), 4096),
];

console.log("\nWidget sizes (esbuild, minified, ESM, React external; gzip level 9)\n");
console.log("| bundle | minified B | gzipped B | budget |");
console.log("|---|---|---|---|");
for (const row of rows) {
  const verdict = row.budget === undefined ? "" : `${row.budget} B: ${row.gzipped <= row.budget ? "within" : "OVER"}`;
  console.log(`| ${row.name} | ${row.minified} | ${row.gzipped} | ${verdict} |`);
}
const baseline = rows[0];
const link = rows[1];
if (baseline && link) console.log(`\nMarketplaceLink costs ${link.gzipped - baseline.gzipped} B gzipped over a bare React link.`);
if (rows.some((row) => row.budget !== undefined && row.gzipped > row.budget)) process.exitCode = 1;
