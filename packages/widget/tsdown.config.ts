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
    // The components use state and effects: a React Server Component page may import them only
    // across a client boundary, which this directive declares. Bundling drops a directive
    // written in the source, so it is added to the built entry.
    outputOptions: { banner: (chunk) => (chunk.isEntry && chunk.name === "react" ? '"use client";' : "") },
    clean: true,
  },
  {
    // `dist/embed/` is a CommonJS folder (its own package.json): the IIFE is a plain script, a
    // `.js` that any static server sends as JavaScript, and its types (the custom elements and
    // `window.Offerkit`) sit beside it.
    entry: { "offerkit-embed": "src/embed.ts" },
    outDir: "dist/embed",
    format: ["iife"],
    platform: "browser",
    target: "es2022",
    minify: true,
    dts: false,
    outputOptions: { entryFileNames: "[name].js" },
    deps: { alwaysBundle: [/^@offerkit\//] },
    define: { "process.env.NODE_ENV": '"production"' },
    copy: [{ from: ["embed/package.json", "embed/offerkit-embed.d.ts"], to: "dist/embed" }],
    clean: false,
  },
]);
