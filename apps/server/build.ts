/**
 * Builds the server to plain JavaScript in `dist/`, runnable with `node dist/main.js`.
 *
 * The workspace packages export TypeScript sources, so they are bundled, and so is every pure
 * JavaScript dependency: the built server then needs only what `dependencies` in package.json
 * lists (native code such as better-sqlite3, and pino, whose transports load files by path).
 * One file per entry point, no shared chunks: code that finds files next to itself
 * (`import.meta.url`: the console, the worker files) then sits where those paths expect it.
 * Code loaded with `import()` (the AWS SDK) is in the file but runs only when configured.
 *
 * Worker threads are started from files next to the code that starts them
 * (`new URL("./stamp-worker.mjs", import.meta.url)`): each such file is built as an entry of its
 * own into `dist/`, and the reference is rewritten to point there.
 */
import { readFile, rm } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const root = dirname(fileURLToPath(import.meta.url));
const outdir = resolve(root, "dist");
const packageJson = JSON.parse(await readFile(resolve(root, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
const external = Object.keys(packageJson.dependencies ?? {});

const entryPoints = {
  main: "src/main.ts",
  admin: "src/admin/main.ts",
  "rotate-data-key": "src/rotate-data-key.ts",
};

/** `new URL("<relative path>.mjs", import.meta.url)`, the way a worker's file is found. */
const WORKER_REFERENCE = /new URL\("(\.{1,2}\/[\w./-]+\.mjs)", import\.meta\.url\)/g;

/** Collects worker files referenced from sources, and points the references into `dist/`. */
function workerFiles(found: Set<string>): Plugin {
  return {
    name: "worker-files",
    setup(setup) {
      setup.onLoad({ filter: /\.ts$/ }, async (args) => {
        const source = await readFile(args.path, "utf8");
        if (!source.includes("import.meta.url")) return undefined;
        const contents = source.replace(WORKER_REFERENCE, (_match, relative: string) => {
          const file = resolve(dirname(args.path), relative);
          found.add(file);
          return `new URL("./${basename(file)}", import.meta.url)`;
        });
        return { contents, loader: "ts" };
      });
    },
  };
}

// Bundled CommonJS code calls require() for Node's own modules; ESM has none, so give it one.
const banner = {
  js: 'import { createRequire as __offerkitCreateRequire } from "node:module"; const require = __offerkitCreateRequire(import.meta.url);',
};

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external,
  banner,
  sourcemap: true,
  legalComments: "none",
  logLevel: "warning",
} as const;

await rm(outdir, { recursive: true, force: true });
const workers = new Set<string>();
await build({
  ...common,
  absWorkingDir: root,
  entryPoints,
  outdir,
  plugins: [workerFiles(workers)],
});
await build({
  ...common,
  absWorkingDir: root,
  entryPoints: Object.fromEntries([...workers].map((file) => [basename(file, ".mjs"), file])),
  outdir,
  outExtension: { ".js": ".mjs" },
});
