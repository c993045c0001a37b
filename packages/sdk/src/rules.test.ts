import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { accountIdSchema, formatUsd, installmentAmountSchema, upfrontPriceSchema } from "./index";

const sdkDir = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("core's rules, as the SDK exports them", () => {
  it("give the server's own messages", () => {
    expect(upfrontPriceSchema.safeParse("1.0001").error?.issues[0]?.message).toBe("An upfront price has at most 3 decimal places");
    expect(installmentAmountSchema.safeParse("30,000.00").success).toBe(false);
    expect(accountIdSchema.safeParse("1234-5678-9012").error?.issues[0]?.message).toBe("An account ID is exactly 12 digits, e.g. 123456789012");
  });

  it("format money exactly, with the code or the sign", () => {
    expect(formatUsd("45.5", "symbol")).toBe("$45.50");
    expect(formatUsd("30000")).toBe("30,000.00 USD");
  });

  /** Core is bundled into the built files: what it brings must be a dependency the package declares (build the SDK first). */
  it("bring no import the published package does not declare", () => {
    const manifest = JSON.parse(readFileSync(join(sdkDir, "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const declared = Object.keys(manifest.dependencies);
    const files = readdirSync(join(sdkDir, "dist")).filter((file) => /\.c?js$/.test(file));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = readFileSync(join(sdkDir, "dist", file), "utf8");
      const bare = [...code.matchAll(/(?:from\s*|require\()\s*["']([^"'.][^"']*)["']/g)].map(([, source = ""]) => source).filter((source) => !source.startsWith("node:"));
      for (const source of bare) {
        const name = source.startsWith("@") ? source.split("/").slice(0, 2).join("/") : (source.split("/")[0] ?? "");
        expect(declared, `${file} imports ${source}`).toContain(name);
      }
    }
  });

  /** What a browser app loads for one import of the built entry: the file holding it and every file that file imports. */
  function loadedFor(name: string): string {
    const entry = readFileSync(join(sdkDir, "dist", "index.js"), "utf8");
    const from = [...entry.matchAll(/import \{([^}]*)\} from "\.\/([^"]+)"/g)].find(([, names = ""]) => names.split(",").some((item) => item.trim().split(" as ").pop() === name))?.[2];
    expect(from, `${name} in index.js`).toBeDefined();
    const seen = new Set<string>();
    const visit = (file: string): string => {
      if (seen.has(file)) return "";
      seen.add(file);
      const code = readFileSync(join(sdkDir, "dist", file), "utf8");
      return code + [...code.matchAll(/from "\.\/([^"]+)"/g)].map(([, next = ""]) => visit(next)).join("");
    };
    return visit(from ?? "");
  }

  it("stay out of an app that imports only the client or formatUsd: no zod, no schema", () => {
    for (const name of ["createOfferkitClient", "formatUsd"]) expect(loadedFor(name), name).not.toMatch(/from "zod"|z\.string\(/);
    expect(loadedFor("accountIdSchema")).toMatch(/from "zod"/);
  });
});
