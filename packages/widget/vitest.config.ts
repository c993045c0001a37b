import { defineConfig } from "vitest/config";

/** The page the DOM tests run on; the test server lets this origin call the buyer procedures. */
export const PAGE_ORIGIN = "http://localhost:5173";

export default defineConfig({
  test: {
    environment: "happy-dom",
    environmentOptions: { happyDOM: { url: `${PAGE_ORIGIN}/` } },
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 15_000,
  },
});
