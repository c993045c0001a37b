import { defineConfig } from "tsdown";

/**
 * Two entries: `index` runs anywhere (browsers included, no Node imports); `node` adds EULA
 * upload from a file path. The workspace's @offerkit packages are used for types only and are
 * bundled into the declarations, so the published package needs no other @offerkit package.
 * Bundling those declarations (the router's types, built from zod schemas) takes about 4 GB of
 * heap, near Node's default limit: the build script raises the limit.
 */
export default defineConfig({
  entry: { index: "src/index.ts", node: "src/node.ts" },
  format: ["esm", "cjs"],
  platform: "neutral",
  target: "es2022",
  dts: { eager: true },
  deps: {
    neverBundle: [/^node:/, "@trpc/client", /^@trpc\/server/, "zod"],
    alwaysBundle: [/^@offerkit\//],
  },
  clean: true,
});
