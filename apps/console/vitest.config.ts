import { defineConfig } from "vitest/config";

/**
 * Unit tests of the console's pure modules (parsing, validation, step rules): plain functions
 * over strings, so they run in Node without a DOM or the React plugin.
 */
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
