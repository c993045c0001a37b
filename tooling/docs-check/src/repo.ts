import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkReadmes, type CheckResult, type Readme } from "./check";

/** This package's folder. */
export const checkerDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = join(checkerDir, "..", "..");

/** Folders that hold no README of ours: dependencies, build output, caches, generated files. */
const SKIPPED = new Set(["node_modules", "dist", "coverage"]);

/** Every README.md of the repository, the root's first. */
export function findReadmes(root: string = repoRoot): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.isFile() && entry.name === "README.md") found.push(join(dir, entry.name));
    }
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith(".") && !SKIPPED.has(entry.name)) walk(join(dir, entry.name));
    }
  };
  walk(root);
  return found;
}

/** Checks every README of the repository; generated files go to `.generated/<name>`. */
export function checkRepo(name = "repo"): CheckResult {
  const readmes: Readme[] = findReadmes().map((path) => ({ path, text: readFileSync(path, "utf8") }));
  return checkReadmes(readmes, { root: repoRoot, outDir: join(checkerDir, ".generated", name), fallbackDir: checkerDir });
}
