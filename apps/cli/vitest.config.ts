import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // The end-to-end suite starts a server and runs the built binary many times.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
