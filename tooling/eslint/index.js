import { fileURLToPath } from "node:url";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import { restrictions as r } from "./layers.js";

/**
 * Shared flat config: typescript-eslint's recommended rules, the house rules a linter can check
 * (no `any`, no non-null assertions, no deep imports) and the layer rules of ARCHITECTURE.md.
 * Each package's eslint.config.js names its layer: `export default offerkit("core")`.
 * What each layer refuses, and why: README.md.
 */

const EXT = "{ts,tsx,mts,cts,js,jsx,mjs,cjs}";
const CODE = `**/*.${EXT}`;
/**
 * Code that is not shipped: tests, what only tests import (`*.fixture.ts`) and examples. Where a
 * layer's code may not reach across, these may, as a dev dependency: an adapter's integration
 * test runs the real API, an app's test starts the real server, a widget example imports the
 * widget as its users do.
 */
const DEV = [`**/*.test.${EXT}`, `**/*.fixture.${EXT}`, `test/**/*.${EXT}`, `examples/**/*.${EXT}`];
/** Build and test configuration at a package's root: the house rules only, no layer. */
const CONFIGS = [`*.config.${EXT}`];

/**
 * @typedef {import("eslint").Linter.RulesRecord} RulesRecord
 * @typedef {import("./layers.js").Restriction} Restriction
 * @typedef {object} FileClass
 * @property {string} name
 * @property {string[]} files
 * @property {string[]} [ignores]
 * @property {Restriction[]} restrict
 * @property {Syntax[]} [syntax] more `no-restricted-syntax` entries
 * @property {RulesRecord} [rules] more rules
 * @typedef {{ selector: string, message: string }} Syntax
 */

const CORE_PURE = "core is pure: no I/O, no clock, no randomness of its own. Take it as a parameter (e.g. `now: Date`).";

/**
 * Clock and randomness that need no import: what the import rules cannot see in core.
 * @type {RulesRecord}
 */
const coreRules = {
  "no-restricted-globals": [
    "error",
    ...["process", "fetch", "setTimeout", "setInterval", "setImmediate", "queueMicrotask", "crypto", "performance", "Buffer", "console", "require", "globalThis"].map(
      (name) => ({ name, message: CORE_PURE }),
    ),
  ],
  "no-restricted-properties": [
    "error",
    { object: "Date", property: "now", message: CORE_PURE },
    { object: "Math", property: "random", message: CORE_PURE },
  ],
};
/** @type {Syntax[]} */
const coreSyntax = [
  { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: CORE_PURE },
  { selector: 'CallExpression[callee.name="Date"]', message: CORE_PURE },
];

/**
 * Each layer's files, from the widest class to the narrowest. A later class replaces the
 * earlier one's options for the files it matches (flat config does not merge rule options), so
 * each lists everything that holds for its files.
 * @type {Record<string, FileClass[]>}
 */
const layers = {
  /** packages/core: the domain, pure. Its tests too: they test pure functions. */
  core: [{ name: "pure", files: [CODE], restrict: [r.corePure, r.coreNode], syntax: coreSyntax, rules: coreRules }],
  /** packages/db: repositories over core's types. */
  db: [{ name: "repositories", files: [CODE], restrict: [r.dbOnlyCore, r.transport] }],
  /** packages/api: routers (transport) over use cases (services). */
  api: [
    { name: "all", files: [CODE], restrict: [r.apps, r.apiAdapters, r.sqlDrivers] },
    {
      name: "services",
      files: [`src/*/**/*.${EXT}`],
      ignores: [...DEV, "src/**/router.ts"],
      restrict: [r.apps, r.apiAdapters, r.sqlDrivers, r.transport],
    },
    { name: "routers", files: ["src/**/router.ts"], restrict: [r.apps, r.apiAdapters, r.sqlDrivers, r.routerDb] },
  ],
  /** packages/publisher-aws, packages/eula (blob stores): the outside world behind a port. */
  adapter: [
    { name: "code", files: [CODE], ignores: DEV, restrict: [r.adapterOnlyCore] },
    { name: "dev", files: DEV, restrict: [r.apps] },
  ],
  /** packages/sdk, packages/widget: built and installed by others. */
  published: [
    { name: "code", files: [CODE], ignores: DEV, restrict: [r.apps, r.publishedTypesOnly] },
    // The SDK's form rules and formatUsd are core's own code, bundled into files of their own.
    { name: "bundled core", files: ["src/rules.ts", "src/money.ts"], ignores: DEV, restrict: [r.apps, r.publishedBundlesCore] },
    { name: "dev", files: DEV, restrict: [r.apps] },
  ],
  /** apps/server: the host; its express routes and the tracking redirect are transport. */
  server: [
    { name: "all", files: [CODE], restrict: [r.apps] },
    { name: "routes", files: [`src/routes/**/*.${EXT}`, `src/tracking/**/*.${EXT}`], ignores: DEV, restrict: [r.apps, r.routeDb, r.sqlDrivers] },
  ],
  /** apps/console, apps/cli: clients of the server through the SDK. */
  "sdk-app": [
    { name: "code", files: [CODE], ignores: DEV, restrict: [r.overSdk] },
    { name: "dev", files: DEV, restrict: [r.apps] },
  ],
  /** tooling/*: drives the apps from outside (processes, browsers); the house rules only. */
  tooling: [],
};

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** The layers a package may name. */
export const LAYERS = /** @type {ReadonlyArray<string>} */ (Object.keys(layers));

/**
 * What `no-restricted-imports` does not look at: dynamic `import()` and, for a restriction that
 * allows types, which imports are values. (`import("x").T` types are refused everywhere by
 * consistent-type-imports.)
 * @param {Restriction} restriction
 */
function selectors({ modules, message, typesAllowed }) {
  // RegExp#source escapes "/", which esquery's regex syntax needs.
  const source = `[source.value=/${modules.source}/]`;
  const forms = typesAllowed
    ? [`ImportDeclaration[importKind="value"]`, `ExportNamedDeclaration[exportKind="value"]`, `ExportAllDeclaration[exportKind="value"]`, "ImportExpression"]
    : ["ImportExpression"];
  return forms.map((form) => ({ selector: `${form}${source}`, message }));
}

/**
 * @param {Restriction[]} restrict
 * @param {Syntax[]} [syntax]
 * @returns {RulesRecord}
 */
function importRules(restrict, syntax = []) {
  /** @type {Restriction[]} */
  const all = [r.deepImport, ...restrict];
  return {
    "no-restricted-imports": [
      "error",
      {
        patterns: all
          .filter((restriction) => !restriction.typesAllowed)
          .map(({ modules, message }) => ({ regex: modules.source, message, caseSensitive: true })),
      },
    ],
    "no-restricted-syntax": ["error", ...all.flatMap(selectors), ...syntax],
  };
}

/**
 * The config of one package: the house rules and its layer's import rules.
 * @param {string} layer one of LAYERS
 */
export function offerkit(layer) {
  const classes = layers[layer];
  if (classes === undefined) throw new Error(`Unknown layer "${layer}": use one of ${LAYERS.join(", ")}.`);
  return defineConfig(
    { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
    ...tseslint.configs.recommended,
    {
      name: "offerkit/house",
      // No rule here needs type information. Named, the root spares the parser guessing it from
      // the call stack, which fails when several packages' configs load in one process (tests).
      languageOptions: { parserOptions: { tsconfigRootDir: repoRoot } },
      rules: {
        "@typescript-eslint/no-explicit-any": "error",
        "@typescript-eslint/no-non-null-assertion": "error",
        "@typescript-eslint/consistent-type-imports": "error",
        "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
        ...importRules([]),
      },
    },
    ...classes.map(({ name, files, ignores, restrict, syntax, rules }) => ({
      name: `offerkit/${layer}/${name}`,
      files,
      ignores: [...CONFIGS, ...(ignores ?? [])],
      rules: { ...importRules(restrict, syntax), ...rules },
    })),
  );
}
