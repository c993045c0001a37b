import { defineConfig } from "vitest/config";

/** One Chromium at a time on a small machine: suites run one after another. */
export default defineConfig({
  test: {
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
