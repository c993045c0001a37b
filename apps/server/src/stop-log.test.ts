import { startServerProcess } from "@offerkit/test-server";
import { describe, expect, it } from "vitest";

describe("stopping the server process", () => {
  it("writes its last log line before it exits, every time", async () => {
    for (let run = 0; run < 4; run += 1) {
      const server = await startServerProcess();
      await server.stop();
      const lines = server.output().trimEnd().split("\n");
      expect(lines.at(-1), `run ${run}`).toContain('"msg":"stopped"');
    }
  }, 120_000);
});
