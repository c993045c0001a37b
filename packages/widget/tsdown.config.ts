import { defineConfig } from "tsdown";

/**
 * The library (`index`: framework-free; `react`: the components) as ESM + CJS + types, React
 * left to the host as a peer; and the embed script as one minified IIFE for a `<script>` tag.
 * The link rules of @offerkit/core are bundled: the published package depends on nothing.
 */
export default defineConfig([
  {
    entry: { index: "src/index.ts", react: "src/react/index.ts" },
    format: ["esm", "cjs"],
    platform: "neutral",
    target: "es2022",
    dts: { eager: true },
    deps: { neverBundle: [/^react($|\/)/, /^react-dom($|\/)/], alwaysBundle: [/^@offerkit\//] },
    clean: true,
  },
  {
    entry: { embed: "src/embed.ts" },
    format: ["iife"],
    platform: "browser",
    target: "es2022",
    minify: true,
    dts: false,
    deps: { alwaysBundle: [/^@offerkit\//] },
    define: { "process.env.NODE_ENV": '"production"' },
    clean: false,
  },
]);
