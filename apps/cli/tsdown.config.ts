import { defineConfig } from "tsdown";

/**
 * One file, `dist/main.js`, that is the `offerkit` binary. The SDK and yaml stay imports, so
 * an installed CLI uses the SDK version its package.json names rather than a frozen copy.
 */
export default defineConfig({
  entry: { main: "src/main.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  fixedExtension: false,
  dts: false,
  deps: { neverBundle: ["@offerkit/sdk", "yaml"] },
  banner: "#!/usr/bin/env node",
  clean: true,
});
