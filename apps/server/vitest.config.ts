import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { setupFiles: ["@offerkit/api/log-guard"] },
});
