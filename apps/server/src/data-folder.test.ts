import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { errorMessage } from "@offerkit/core";
import { makePdf } from "@offerkit/eula/testing";
import { startServerProcess } from "@offerkit/test-server";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "./observability/logger";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe("the data folder", () => {
  const root = mkdtempSync(join(tmpdir(), "offerkit-data-folder-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is made private to the server's user, and so is every file in it", async () => {
    const dataDir = join(root, "new", "data");
    const server = await startTestServer({ OFFERKIT_DATA_DIR: dataDir });
    try {
      const form = new FormData();
      form.append("file", new Blob([await makePdf(1)], { type: "application/pdf" }), "eula.pdf");
      const eula = await server.client(BOOTSTRAP_KEY).eula.upload.mutate(form);
      expect(modeOf(dataDir)).toBe("700");
      for (const file of ["offerkit.sqlite", "offerkit.sqlite-wal", "offerkit.sqlite-shm", "data.key"]) expect(modeOf(join(dataDir, file)), file).toBe("600");
      expect(modeOf(join(dataDir, "blobs"))).toBe("700");
      expect(modeOf(join(dataDir, "blobs", eula.sha256.slice(0, 2)))).toBe("700");
      expect(modeOf(join(dataDir, "blobs", eula.sha256.slice(0, 2), eula.sha256))).toBe("600");
    } finally {
      await server.close();
    }
  });

  it("that others can read starts with a warning naming the path and the fix, and is left as it is", async () => {
    const dataDir = join(root, "shared");
    mkdirSync(dataDir, { mode: 0o755 });
    const lines: string[] = [];
    const server = await startTestServer({ OFFERKIT_DATA_DIR: dataDir }, { logger: createLogger("warn", { write: (line: string) => lines.push(line) }) });
    await server.close();
    expect(lines.some((line) => line.includes(`${dataDir} can be read by other users of this machine (mode 755): chmod 700 it`))).toBe(true);
    expect(modeOf(dataDir)).toBe("755");
  });

  it.each([
    ["a file where the folder should be", (dataDir: string) => writeFileSync(dataDir, "not a folder"), /^The data folder .+ \(OFFERKIT_DATA_DIR\) is a file, not a folder: move the file away, or set OFFERKIT_DATA_DIR to a folder\n$/, ""],
    [
      "a damaged SQLite file",
      (dataDir: string) => {
        mkdirSync(dataDir, { mode: 0o700 });
        writeFileSync(join(dataDir, "offerkit.sqlite"), Buffer.alloc(8192, "not a database "), { mode: 0o600 });
      },
      /^Cannot open the SQLite database .+offerkit\.sqlite \(file is not a database\): it is damaged or not an Offerkit database: restore it from a backup, or move it away to start with an empty one\n$/,
      "",
    ],
    [
      "a folder under a file",
      (dataDir: string) => writeFileSync(dataDir, "not a folder"),
      /^The data folder .+\/sub \(OFFERKIT_DATA_DIR\) cannot be reached \(ENOTDIR\): a part of its path is a file or not readable; set OFFERKIT_DATA_DIR to a folder this user can use\n$/,
      "sub",
    ],
  ])("stops the start in one line naming the path and the fix: %s", async (_case, make, line, below) => {
    const dataDir = join(root, `broken-${Math.random().toString(36).slice(2)}`);
    make(dataDir);
    const failure = await startServerProcess({}, { dataDir: below ? join(dataDir, below) : dataDir }).then(
      () => null,
      (error: unknown) => errorMessage(error),
    );
    expect(failure?.split("exited with 1:\n")[1]).toMatch(line);
  }, 30_000);
});
