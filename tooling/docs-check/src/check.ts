import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { extractBlocks } from "./extract";

/** A README to check: where it is (for its package and the report) and its text. */
export interface Readme {
  path: string;
  text: string;
}

/** A block that does not type-check, located in its README. */
export interface Failure {
  /** Relative to the repository root. */
  readme: string;
  line: number;
  column: number;
  message: string;
}

export interface CheckResult {
  checked: number;
  fragments: number;
  failures: Failure[];
}

export interface CheckOptions {
  /** The repository root: tsconfig.base.json, and what reports are relative to. */
  root: string;
  /** Where the blocks are written as files, emptied first. */
  outDir: string;
  /**
   * The folder whose dependencies resolve the blocks of a README outside every package (the
   * root's), and the third-party modules a package lacks: the checker's own, which lists them.
   */
  fallbackDir: string;
}

interface Generated {
  /** The file of the block: its own extension, so tsx blocks get JSX. */
  file: string;
  /** A file in the documented package's folder: imports resolve from there. */
  resolveFrom: string;
  readme: string;
  /** The README line of the block's first line of code. */
  firstLine: number;
}

/**
 * The package a README documents: the nearest folder above it with a package.json, short of the
 * repository root.
 */
function packageDirOf(readmePath: string, root: string): string | undefined {
  for (let dir = dirname(readmePath); dir.startsWith(root) && dir !== root; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  return undefined;
}

/**
 * The repository's strict base, plus what the READMEs' code runs with: the DOM next to Node's
 * types (the SDK and widget run in browsers), React's JSX, and the `node` export condition (the
 * SDK's Node entry adds EULA upload from a path). One program checks every block.
 */
function compilerOptions(root: string): ts.CompilerOptions {
  const base = ts.readConfigFile(join(root, "tsconfig.base.json"), ts.sys.readFile);
  if (base.error) throw new Error(ts.flattenDiagnosticMessageText(base.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(base.config, ts.sys, root);
  return {
    ...parsed.options,
    noEmit: true,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts", "lib.dom.iterable.d.ts"],
    jsx: ts.JsxEmit.ReactJSX,
    types: ["node"],
    customConditions: ["node"],
  };
}

/**
 * Type-checks every ```ts and ```tsx block of the given READMEs, except fragments, in one
 * TypeScript program. Each block is a module of its own, written under `outDir`; its imports
 * resolve as they would from the package its README documents: that package's dependencies,
 * and the package itself by name through its `exports` (source for internal packages, built
 * types for the published ones). A third-party module that package lacks resolves from
 * `fallbackDir`.
 */
export function checkReadmes(readmes: Readme[], options: CheckOptions): CheckResult {
  const root = resolve(options.root);
  rmSync(options.outDir, { recursive: true, force: true });
  const generated = new Map<string, Generated>();
  let fragments = 0;
  for (const readme of readmes) {
    const readmePath = resolve(readme.path);
    const rel = relative(root, readmePath);
    const resolveFrom = join(packageDirOf(readmePath, root) ?? resolve(options.fallbackDir), "README.md");
    for (const block of extractBlocks(readme.text)) {
      if (block.fragment) {
        fragments++;
        continue;
      }
      const file = join(resolve(options.outDir), `${rel}.L${block.line}.${block.lang}`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, block.code);
      generated.set(file, { file, resolveFrom, readme: rel, firstLine: block.line + 1 });
    }
  }

  const compilerOpts = compilerOptions(root);
  const host = ts.createCompilerHost(compilerOpts);
  host.getCurrentDirectory = () => resolve(options.fallbackDir);
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), host.getCanonicalFileName, compilerOpts);
  const fallback = join(resolve(options.fallbackDir), "README.md");
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, opts, containingSourceFile) => {
    const block = generated.get(containingFile);
    return literals.map((literal) => {
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, opts);
      const resolved = ts.resolveModuleName(literal.text, block?.resolveFrom ?? containingFile, opts, host, cache, redirected, mode);
      // A third-party tool the reader's project has anyway (vitest in a test example, React's
      // JSX runtime) may come from the checker; a package of ours must come from the package.
      if (block === undefined || resolved.resolvedModule !== undefined || literal.text.startsWith("@offerkit/")) return resolved;
      return ts.resolveModuleName(literal.text, fallback, opts, host, cache, redirected, mode);
    });
  };
  const program = ts.createProgram({ rootNames: [...generated.keys()], options: compilerOpts, host });

  const failures: Failure[] = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()].map((diagnostic) => ({
    readme: "(compiler options)",
    line: 0,
    column: 0,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
  }));
  for (const block of generated.values()) {
    const source = program.getSourceFile(block.file);
    if (source === undefined) throw new Error(`The program lost ${block.file}`);
    for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const at = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      failures.push({
        readme: block.readme,
        line: block.firstLine + at.line,
        column: at.character + 1,
        message: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}${unbuiltHint(diagnostic, root)}`,
      });
    }
  }
  return { checked: generated.size, fragments, failures };
}

/**
 * A published package of ours resolves to its built types, which turbo builds before this
 * check; run by hand, the check may meet a package not built yet.
 */
function unbuiltHint(diagnostic: ts.Diagnostic, root: string): string {
  if (diagnostic.code !== 2307) return "";
  const name = /'@offerkit\/([a-z-]+)/.exec(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))?.[1];
  if (name === undefined) return "";
  const dir = join(root, "packages", name);
  const manifest = join(dir, "package.json");
  if (!existsSync(manifest) || !readFileSync(manifest, "utf8").includes("./dist/") || existsSync(join(dir, "dist"))) return "";
  return ` (@offerkit/${name} is not built: pnpm --filter @offerkit/${name} build)`;
}

/** `README.md:12:5 TS2322: ...`, the way editors and terminals link to a place. */
export function formatFailure(failure: Failure): string {
  return `${failure.readme}:${failure.line}:${failure.column} ${failure.message}`;
}
