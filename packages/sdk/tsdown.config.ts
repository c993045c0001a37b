import { defineConfig } from "tsdown";

/**
 * Two entries: `index` runs anywhere (browsers included, no Node imports); `node` adds EULA
 * upload from a file path. Core's form rules (`rules`: zod schemas, built when loaded) are
 * built as a file of their own that `index` re-exports, so that a bundler drops them, and zod
 * with them, from an app that imports only the client (the package has no side effects);
 * `money` (formatUsd) likewise, without zod, and `webhooks` (the verifier), without the client. The workspace's @offerkit packages are used for types only and are
 * bundled into the declarations, so the published package needs no other @offerkit package.
 * Bundling those declarations (the router's types, built from zod schemas) takes about 4 GB of
 * heap, near Node's default limit: the build script raises the limit.
 */
export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts", money: "src/money.ts", rules: "src/rules.ts", webhooks: "src/webhooks.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: { eager: true },
  deps: {
    neverBundle: [/^node:/, "@trpc/client", /^@trpc\/server/, "zod"],
    alwaysBundle: [/^@offerkit\//],
  },
  clean: true,
  // Core's decimal arithmetic, which formatUsd needs, gets a file of its own: left to itself the
  // bundler puts it with the schemas, and formatUsd would bring zod.
  outputOptions: { codeSplitting: { groups: [{ name: "money", test: /[\\/]core[\\/]src[\\/]decimal\.ts$/ }] } },
});
