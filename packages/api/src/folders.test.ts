import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = dirname(fileURLToPath(import.meta.url));

/** Each domain folder and the other folders its code (tests aside) imports from. */
function folderImports(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const folder of readdirSync(src, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name)) {
    const used = new Set<string>();
    for (const file of readdirSync(join(src, folder)).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))) {
      for (const [, target] of readFileSync(join(src, folder, file), "utf8").matchAll(/from "\.\.\/([a-z-]+)\//g)) {
        if (target !== undefined && target !== folder) used.add(target);
      }
    }
    graph.set(folder, used);
  }
  return graph;
}

/** A loop of folders, each importing the next, or null. */
function findLoop(graph: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const walk = (folder: string, path: string[]): string[] | null => {
    if (path.includes(folder)) return [...path.slice(path.indexOf(folder)), folder];
    if (done.has(folder)) return null;
    for (const next of graph.get(folder) ?? []) {
      const loop = walk(next, [...path, folder]);
      if (loop) return loop;
    }
    done.add(folder);
    return null;
  };
  for (const folder of graph.keys()) {
    const loop = walk(folder, []);
    if (loop) return loop;
  }
  return null;
}

describe("the api's domain folders", () => {
  it("depend one way: no folder imports, through others, from itself", () => {
    const graph = folderImports();
    expect(graph.get("buyer")?.has("auth")).toBe(true);
    expect(findLoop(graph)).toBeNull();
  });

  it("would be caught looping", () => {
    expect(findLoop(new Map([["offers", new Set(["publishing"])], ["publishing", new Set(["offers"])]]))).toEqual(["offers", "publishing", "offers"]);
  });
});
