import { builtinModules } from "node:module";

/**
 * The layer rules of ARCHITECTURE.md as data: each restriction names the modules a file may not
 * import (a regular expression over the import's source) and why. `index.js` turns them into
 * `no-restricted-imports` and `no-restricted-syntax` entries per kind of package and file.
 *
 * @typedef {object} Restriction
 * @property {RegExp} modules the import sources refused
 * @property {string} message shown with the error: the rule and the way out
 * @property {boolean} [typesAllowed] `import type` (erased at build) is allowed, values are not
 */

const escape = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** `fs`, `fs/promises`, `node:fs`, ...: every module Node itself provides. */
const nodeBuiltins = new RegExp(`^(?:node:|(?:${builtinModules.map(escape).join("|")})(?:/|$))`);

/** @satisfies {Record<string, Restriction>} */
export const restrictions = {
  deepImport: {
    modules: /^@offerkit\/[^/]+\/src(?:\/|$)/,
    message: "Import the package (or an entry its package.json exports), not its files.",
  },
  apps: {
    modules: /^@offerkit\/(?:server|console|cli)(?:\/|$)/,
    message: "Nothing imports an app: apps are the top of the graph. Move what you need into a package.",
  },
  corePure: {
    modules: /^@offerkit\//,
    message: "core imports nothing of ours: it is the bottom layer, and every other package builds on it.",
  },
  coreNode: {
    modules: nodeBuiltins,
    message: "core is pure: no Node built-in (no I/O, no clock, no randomness). Take what you need as a parameter.",
  },
  dbOnlyCore: {
    modules: /^@offerkit\/(?!core(?:\/|$))/,
    message: "db persists core's types: of our packages it imports @offerkit/core only.",
  },
  transport: {
    modules: /^(?:express|@trpc\/.*|node:(?:http|https|http2)|http|https|http2)(?:\/|$)/,
    message:
      "HTTP and tRPC stay in the transport (routers, apps/server): a service takes plain values and answers with values or an OfferkitError.",
  },
  sqlDrivers: {
    modules: /^(?:kysely|better-sqlite3|pg)(?:\/|$)/,
    message: "SQL lives in @offerkit/db's repositories: call one (or add one) instead of querying here.",
  },
  apiAdapters: {
    modules: /^@offerkit\/(?:publisher-aws|sdk|widget)(?:\/|$)/,
    message:
      "The API knows ports, not adapters or clients: it takes a publisher through ApiDeps (declared in core), and the SDK and widget call it over HTTP.",
  },
  routerDb: {
    modules: /^@offerkit\/db(?:\/|$)/,
    message: "A router only composes procedures over use cases: move the database work into a use-case file and call it.",
  },
  routeDb: {
    modules: /^@offerkit\/db(?:\/|$)/,
    message: "A server route (express, or the tracking redirect) is transport, like a router: call a use case of @offerkit/api instead of the database.",
  },
  adapterOnlyCore: {
    modules: /^@offerkit\/(?!core(?:\/|$))/,
    message:
      "An adapter implements a port core declares: of our packages its code imports @offerkit/core only (never @offerkit/api, which uses adapters). Tests may use more.",
  },
  publishedTypesOnly: {
    modules: /^@offerkit\/(?!core\/(?:link-rules|webhook-event-types)$)/,
    typesAllowed: true,
    message:
      "A published package ships no other @offerkit package: use `import type` (types are bundled into its declarations); of our code only @offerkit/core/link-rules and @offerkit/core/webhook-event-types, which have no dependency, are bundled.",
  },
  publishedBundlesCore: {
    modules: /^@offerkit\/(?!core(?:\/(?:link-rules|webhook-event-types))?$)/,
    typesAllowed: true,
    message:
      "Of our code, the SDK's form rules and money formatter bundle @offerkit/core itself (its schemas depend on zod alone, which the SDK declares; tarball.test.ts checks the built files import nothing undeclared); any other @offerkit package is types only.",
  },
  overSdk: {
    modules: /^@offerkit\/(?!sdk$)/,
    message: "This app talks to the server over @offerkit/sdk only; it never loads server code.",
  },
};
