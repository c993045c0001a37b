import { execFileSync } from "node:child_process";

/**
 * Runs `measure` for each size in a fresh process of this same script, so that each size's
 * peak memory and caches are its own: the script calls this with its own file name, and a
 * child started with a size argument measures that size and prints the result.
 */
export async function measureEachSizeAlone<T>(script: string, sizes: readonly number[], measure: (size: number) => Promise<T>): Promise<T[] | null> {
  const only = process.argv[2];
  if (only) {
    console.log(JSON.stringify(await measure(Number(only))));
    return null;
  }
  return sizes.map((size) => JSON.parse(execFileSync(process.execPath, ["--import", "tsx", script, String(size)], { encoding: "utf8" })) as T);
}
