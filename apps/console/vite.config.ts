import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * Served by the Offerkit server at /console (`npm start` builds it); `pnpm dev` serves it on
 * its own with the API proxied to a server on port 3000.
 */
export default defineConfig({
  base: "/console/",
  plugins: [react()],
  build: { target: "es2022", reportCompressedSize: true },
  server: {
    proxy: { "/trpc": "http://127.0.0.1:3000", "/pp": "http://127.0.0.1:3000", "/reports": "http://127.0.0.1:3000", "/contacts": "http://127.0.0.1:3000" },
  },
});
