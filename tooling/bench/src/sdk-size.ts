/**
 * What the SDK adds to a browser bundle: the built browser entry of @offerkit/sdk with its
 * dependencies, minified and gzipped, next to @trpc/client measured the same way (the parts
 * the SDK uses, and the whole package). Budget: the client (what every app imports) at most
 * 4 KB over those parts of @trpc/client. The form rules (core's schemas, with zod) and
 * `formatUsd` are measured too: an app pays for them only when it imports them.
 *
 *   pnpm --filter @offerkit/sdk build && pnpm --filter @offerkit/bench bench:sdk-size
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

async function bundledSize(name: string, source: string) {
  const result = await build({
    stdin: { contents: source, resolveDir: import.meta.dirname, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "error",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { name, minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

const rows = [
  await bundledSize(
    "@trpc/client: the links the SDK uses",
    `export { createTRPCClient, httpBatchLink, httpLink, splitLink, isNonJsonSerializable, TRPCClientError } from "@trpc/client";
     export { observable } from "@trpc/server/observable";`,
  ),
  await bundledSize("@trpc/client: everything", `export * from "@trpc/client";`),
  await bundledSize("@offerkit/sdk: the client (createOfferkitClient, errors)", `export { createOfferkitClient, OfferkitError, isOfferkitError } from "@offerkit/sdk";`),
  await bundledSize("@offerkit/sdk: formatUsd alone", `export { formatUsd } from "@offerkit/sdk";`),
  await bundledSize("@offerkit/sdk: verifyWebhook alone (a receiver)", `export { verifyWebhook } from "@offerkit/sdk";`),
  await bundledSize("@offerkit/sdk: everything (the form rules and zod included)", `export * from "@offerkit/sdk";`),
];

const kb = (bytes: number) => (bytes / 1024).toFixed(2);
console.log("\nBrowser bundle sizes (esbuild, minified, ESM; gzip level 9)\n");
console.log("| bundle | minified KB | gzipped KB |");
console.log("|---|---|---|");
for (const row of rows) console.log(`| ${row.name} | ${kb(row.minified)} | ${kb(row.gzipped)} |`);
const [parts, , sdk] = rows;
if (parts && sdk) {
  const over = sdk.gzipped - parts.gzipped;
  console.log(`\nThe SDK's client adds ${kb(over)} KB gzipped to the @trpc/client parts it uses (budget 4 KB): ${over <= 4096 ? "within" : "OVER"} budget.`);
  if (over > 4096) process.exitCode = 1;
}
