import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Served by the Offerkit server at /console (`npm start` builds it); `pnpm dev` serves it on
 * its own with the API proxied to a server on port 3000.
 */
export default defineConfig({
  base: "/console/",
  plugins: [react(), initialJsBudget(150)],
  build: { target: "es2022", reportCompressedSize: true },
  server: {
    proxy: { "/trpc": "http://127.0.0.1:3000", "/pp": "http://127.0.0.1:3000", "/reports": "http://127.0.0.1:3000", "/contacts": "http://127.0.0.1:3000" },
  },
});

/**
 * Reports the JavaScript a first visit downloads (the entry chunk and the chunks it imports
 * statically), gzipped, and fails the build above `budgetKb`.
 */
function initialJsBudget(budgetKb: number): Plugin {
  return {
    name: "offerkit-initial-js-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((item) => (item.type === "chunk" ? [[item.fileName, item] as const] : [])));
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = chunks.get(fileName);
        if (!chunk || initial.has(fileName)) return;
        initial.add(fileName);
        chunk.imports.forEach(visit);
      };
      for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
      const bytes = [...initial].reduce((sum, fileName) => sum + gzipSync(chunks.get(fileName)?.code ?? "", { level: 9 }).byteLength, 0);
      const kb = bytes / 1024;
      console.log(`\ninitial JavaScript: ${kb.toFixed(1)} KB gzipped in ${initial.size} file(s) (budget ${budgetKb} KB)`);
      if (kb > budgetKb) this.error(`The console's initial JavaScript is ${kb.toFixed(1)} KB gzipped, over its ${budgetKb} KB budget`);
    },
  };
}
