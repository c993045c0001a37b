import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Packs a workspace package as it would be published (`pnpm pack`: workspace and catalog
 * versions resolved) into `destination`, with the pnpm running the tests even when it is not
 * on the PATH. `destination` should be a new folder. Returns the tarball's path.
 */
export function packWorkspacePackage(packageDir: string, destination: string): string {
  const execPath = process.env.npm_execpath ?? "";
  const pnpm = !execPath.includes("pnpm") ? ["pnpm"] : /\.[cm]?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
  execFileSync(pnpm[0] ?? "pnpm", [...pnpm.slice(1), "pack", "--pack-destination", destination], { cwd: packageDir, stdio: ["ignore", "pipe", "pipe"] });
  const tarball = readdirSync(destination).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`pnpm pack left no tarball of ${packageDir} in ${destination}`);
  return join(destination, tarball);
}
