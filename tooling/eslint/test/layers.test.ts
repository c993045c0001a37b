import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";
import { LAYERS, offerkit } from "../index.js";

/**
 * Each layer rule is run the way `pnpm lint` runs it: with a real package's eslint.config.js,
 * from that package's folder, on a planted file at a path of that package (nothing is written).
 * A refused import must fail with the rule's message; an allowed one must pass untouched, so a
 * rule that refused everything would fail here too.
 */

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** The layer every workspace package names in its eslint.config.js. */
const expectedLayers: Record<string, string> = {
  "packages/core": "core",
  "packages/db": "db",
  "packages/api": "api",
  "packages/eula": "adapter",
  "packages/publisher-aws": "adapter",
  "packages/webhook-http": "adapter",
  "packages/sdk": "published",
  "packages/widget": "published",
  "apps/server": "server",
  "apps/console": "sdk-app",
  "apps/cli": "sdk-app",
  "tooling/bench": "tooling",
  "tooling/browser-tests": "tooling",
  "tooling/docs-check": "tooling",
  "tooling/eslint": "tooling",
  "tooling/test-server": "tooling",
};

const LAYER_RULES = new Set(["no-restricted-imports", "no-restricted-syntax", "no-restricted-globals", "no-restricted-properties"]);

const linters = new Map<string, ESLint>();

async function lint(pkg: string, file: string, code: string): Promise<Linter.LintMessage[]> {
  const cwd = join(repo, pkg);
  let eslint = linters.get(pkg);
  if (eslint === undefined) {
    eslint = new ESLint({ cwd, overrideConfigFile: join(cwd, "eslint.config.js") });
    linters.set(pkg, eslint);
  }
  const [result] = await eslint.lintText(code, { filePath: join(cwd, file) });
  if (result === undefined) throw new Error(`No lint result for ${pkg}/${file}`);
  return result.messages;
}

/** `import { a } from "x"` used, so that only the layer rules can object. */
const imports = (source: string) => `import { a } from "${source}";\nexport const b = a;\n`;
const importsType = (source: string) => `import type { A } from "${source}";\nexport type B = A;\n`;

interface Refused {
  pkg: string;
  file: string;
  code: string;
  /** A part of the message the rule gives. */
  message: RegExp;
}

interface Allowed {
  pkg: string;
  file: string;
  code: string;
}

async function expectRefused({ pkg, file, code, message }: Refused): Promise<void> {
  const messages = await lint(pkg, file, code);
  const layerErrors = messages.filter((m) => m.ruleId !== null && LAYER_RULES.has(m.ruleId) && m.severity === 2);
  expect(layerErrors.map((m) => m.message)).toContainEqual(expect.stringMatching(message));
}

async function expectAllowed({ pkg, file, code }: Allowed): Promise<void> {
  const messages = await lint(pkg, file, code);
  expect(messages.map((m) => `${m.ruleId ?? "parser"}: ${m.message}`)).toEqual([]);
}

const DEEP = /not its files/;
const APPS = /Nothing imports an app/;
/** Layers whose own rule refuses more than apps, and says so instead. */
const OURS_CORE = /core imports nothing of ours/;
const DB = /db persists core's types/;
const ADAPTER = /An adapter implements a port core declares/;
const OVER_SDK = /talks to the server over @offerkit\/sdk only/;

/**
 * One file of each kind in each layer, with an import its layer allows there: every kind of
 * file keeps the rules that hold everywhere (flat config replaces a rule's options per file).
 */
const fileKinds: Array<{ pkg: string; file: string; allowed: string; apps: RegExp | null }> = [
  { pkg: "packages/core", file: "src/money.ts", allowed: imports("zod"), apps: OURS_CORE },
  { pkg: "packages/db", file: "src/repositories/offers.ts", allowed: imports("@offerkit/core"), apps: DB },
  { pkg: "packages/api", file: "src/root.ts", allowed: imports("@offerkit/db"), apps: APPS },
  { pkg: "packages/api", file: "src/offers/send-offer.ts", allowed: imports("@offerkit/db"), apps: APPS },
  { pkg: "packages/api", file: "src/offers/router.ts", allowed: imports("@offerkit/core"), apps: APPS },
  { pkg: "packages/api", file: "src/offers/offers.test.ts", allowed: imports("@offerkit/db/testing"), apps: APPS },
  { pkg: "packages/publisher-aws", file: "src/aws-publisher.ts", allowed: imports("@offerkit/core"), apps: ADAPTER },
  { pkg: "packages/publisher-aws", file: "src/publishing-flow.test.ts", allowed: imports("@offerkit/api/testing"), apps: APPS },
  { pkg: "packages/eula", file: "src/blob-store.ts", allowed: imports("pdf-lib"), apps: ADAPTER },
  { pkg: "packages/sdk", file: "src/client.ts", allowed: importsType("@offerkit/api"), apps: APPS },
  { pkg: "packages/sdk", file: "src/client.test.ts", allowed: imports("@offerkit/test-server"), apps: APPS },
  { pkg: "packages/widget", file: "src/deep-link.ts", allowed: imports("@offerkit/core/link-rules"), apps: APPS },
  { pkg: "packages/widget", file: "examples/react-example.tsx", allowed: imports("@offerkit/widget/react"), apps: APPS },
  { pkg: "apps/server", file: "src/start-server.ts", allowed: imports("@offerkit/db"), apps: APPS },
  { pkg: "apps/server", file: "src/routes/eula-downloads.ts", allowed: imports("@offerkit/api"), apps: APPS },
  { pkg: "apps/console", file: "src/app.tsx", allowed: imports("@offerkit/sdk"), apps: OVER_SDK },
  { pkg: "apps/cli", file: "src/main.ts", allowed: imports("@offerkit/sdk"), apps: OVER_SDK },
  { pkg: "apps/cli", file: "test/cli.test.ts", allowed: imports("@offerkit/test-server"), apps: APPS },
  { pkg: "tooling/bench", file: "src/offers-http.ts", allowed: imports("@offerkit/api"), apps: null },
  { pkg: "tooling/eslint", file: "test/planted.test.ts", allowed: imports("eslint"), apps: null },
];

describe("every workspace package", () => {
  const packages = ["apps", "packages", "tooling"].flatMap((group) =>
    readdirSync(join(repo, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(repo, group, entry.name, "package.json")))
      .map((entry) => `${group}/${entry.name}`),
  );

  it.each(packages)("%s names its layer in eslint.config.js", (pkg) => {
    const config = readFileSync(join(repo, pkg, "eslint.config.js"), "utf8");
    const named = /offerkit\("([a-z-]+)"\)/.exec(config)?.[1];
    expect(named, "add the package to expectedLayers, with the layer its config names").toBe(expectedLayers[pkg]);
  });

  it("an unknown layer is refused", () => {
    expect(() => offerkit("services")).toThrow(/Unknown layer "services"/);
    expect(LAYERS).toContain("core");
  });
});

describe("rules that hold in every layer", () => {
  it.each(fileKinds)("$pkg $file: deep imports refused", async ({ pkg, file }) => {
    await expectRefused({ pkg, file, code: imports("@offerkit/db/src/schema"), message: DEEP });
  });

  it.each(fileKinds.filter((kind) => kind.apps !== null))("$pkg $file: apps refused", async ({ pkg, file, apps }) => {
    const message = apps ?? APPS;
    await expectRefused({ pkg, file, code: imports("@offerkit/server"), message });
    await expectRefused({ pkg, file, code: importsType("@offerkit/console"), message });
    await expectRefused({ pkg, file, code: 'export const cli = await import("@offerkit/cli");\n', message });
  });

  it.each(fileKinds)("$pkg $file: its allowed import passes", async ({ pkg, file, allowed }) => {
    await expectAllowed({ pkg, file, code: allowed });
  });

  it("configuration files at a package root get the house rules only", async () => {
    await expectAllowed({ pkg: "packages/core", file: "eslint.config.js", code: 'export { offerkit } from "@offerkit/eslint-config";\n' });
    await expectRefused({ pkg: "packages/core", file: "vitest.config.ts", code: imports("@offerkit/db/src/schema"), message: DEEP });
  });
});

describe("core is pure", () => {
  const pkg = "packages/core";
  const file = "src/offer.ts";
  const NODE = /core is pure: no Node built-in/;
  const PURE = /core is pure: no I\/O, no clock/;

  it.each([
    ["our packages", imports("@offerkit/db"), OURS_CORE],
    ["our packages, as types", importsType("@offerkit/api"), OURS_CORE],
    ["itself by name", imports("@offerkit/core/link-rules"), OURS_CORE],
    ["node: built-ins", imports("node:fs"), NODE],
    ["bare built-ins", imports("crypto"), NODE],
    ["built-in subpaths", imports("fs/promises"), NODE],
    ["re-exports", 'export { readFile } from "node:fs/promises";\n', NODE],
    ["dynamic imports", 'export const fs = await import("node:fs");\n', NODE],
    ["Date.now()", "export const now = Date.now();\n", PURE],
    ["new Date()", "export const now = new Date();\n", PURE],
    ["Date()", "export const now = Date();\n", PURE],
    ["Math.random()", "export const roll = Math.random();\n", PURE],
    ["process", "export const env = process.env;\n", PURE],
    ["timers", "setTimeout(() => undefined, 1);\n", PURE],
    ["crypto", "export const id = crypto.randomUUID();\n", PURE],
    ["fetch", 'export const page = fetch("https://example.com");\n', PURE],
    ["console", 'console.log("a");\n', PURE],
  ])("refuses %s", async (_what, code, message) => {
    await expectRefused({ pkg, file, code, message });
  });

  it("holds for core's tests too", async () => {
    await expectRefused({ pkg, file: "src/offer.test.ts", code: imports("node:fs"), message: NODE });
  });

  it("allows pure code: zod, a given date, relative imports", async () => {
    await expectAllowed({
      pkg,
      file,
      code: 'import { z } from "zod";\nimport { toUnits } from "./money";\nexport const s = z.string();\nexport const d = new Date("2027-03-31");\nexport const u = toUnits;\n',
    });
  });
});

describe("db", () => {
  const pkg = "packages/db";
  const file = "src/repositories/offers.ts";

  it.each([
    ["@offerkit/api", imports("@offerkit/api"), DB],
    ["@offerkit/eula", imports("@offerkit/eula"), DB],
    ["express", imports("express"), /HTTP and tRPC stay in the transport/],
    ["@trpc/server", imports("@trpc/server"), /HTTP and tRPC stay in the transport/],
  ])("refuses %s", async (_what, code, message) => {
    await expectRefused({ pkg, file, code, message });
  });

  it("allows core and kysely", async () => {
    await expectAllowed({ pkg, file, code: imports("@offerkit/core") + 'export { sql } from "kysely";\n' });
  });
});

describe("api: routers compose, services stay off HTTP, SQL stays in db", () => {
  const pkg = "packages/api";
  const router = "src/offers/router.ts";
  const service = "src/offers/send-offer.ts";
  const ROUTER = /A router only composes procedures/;
  const TRANSPORT = /HTTP and tRPC stay in the transport/;
  const SQL = /SQL lives in @offerkit\/db's repositories/;
  const PORTS = /The API knows ports, not adapters/;

  it.each([
    ["@offerkit/db", imports("@offerkit/db")],
    ["@offerkit/db as types", importsType("@offerkit/db")],
    ["@offerkit/db/testing", imports("@offerkit/db/testing")],
    ["@offerkit/db re-exported", 'export { findOffer } from "@offerkit/db";\n'],
    ["@offerkit/db dynamically", 'export const db = await import("@offerkit/db");\n'],
  ])("a router refuses %s", async (_what, code) => {
    await expectRefused({ pkg, file: router, code, message: ROUTER });
  });

  it("a router in any domain folder, however deep", async () => {
    await expectRefused({ pkg, file: "src/buyer/contacts/router.ts", code: imports("@offerkit/db"), message: ROUTER });
  });

  it("a router may use core's schemas and the procedure tiers", async () => {
    await expectAllowed({ pkg, file: router, code: imports("@offerkit/core") + 'export { sellerProcedure } from "../trpc";\n' });
  });

  it.each([
    ["express", imports("express")],
    ["@trpc/server", imports("@trpc/server")],
    ["node:http", importsType("node:http")],
  ])("a use case refuses %s", async (_what, code) => {
    await expectRefused({ pkg, file: service, code, message: TRANSPORT });
  });

  it("a use case may use db and core", async () => {
    await expectAllowed({ pkg, file: service, code: imports("@offerkit/db") + importsType("@offerkit/core") });
  });

  it("tRPC stays allowed where the transport is: the package root (trpc.ts, errors.ts) and tests", async () => {
    await expectAllowed({ pkg, file: "src/errors.ts", code: imports("@trpc/server") });
    await expectAllowed({ pkg, file: "src/offers/offers.test.ts", code: imports("@trpc/server") });
  });

  it.each([
    ["src/offers/send-offer.ts", "kysely"],
    ["src/root.ts", "better-sqlite3"],
    ["src/offers/offers.test.ts", "pg"],
  ])("%s refuses the SQL driver %s", async (file, source) => {
    await expectRefused({ pkg, file, code: imports(source), message: SQL });
  });

  it("refuses adapters and clients", async () => {
    await expectRefused({ pkg, file: "src/root.ts", code: imports("@offerkit/publisher-aws"), message: PORTS });
    await expectRefused({ pkg, file: "src/offers/offers.test.ts", code: imports("@offerkit/sdk"), message: PORTS });
  });
});

describe("adapters import core only; their tests may use the API", () => {

  it.each([
    ["packages/publisher-aws", "src/aws-publisher.ts", imports("@offerkit/api")],
    ["packages/publisher-aws", "src/aws-publisher.ts", importsType("@offerkit/api")],
    ["packages/publisher-aws", "src/catalog.ts", imports("@offerkit/api/testing")],
    ["packages/publisher-aws", "src/aws-marketplace.fake.ts", imports("@offerkit/db")],
    ["packages/publisher-aws", "src/aws-publisher.ts", 'export const api = await import("@offerkit/api");\n'],
    ["packages/eula", "src/blob-store.ts", imports("@offerkit/api")],
    ["packages/eula", "scripts/make-fixtures.ts", imports("@offerkit/db")],
  ])("%s %s refuses it", async (pkg, file, code) => {
    await expectRefused({ pkg, file, code, message: ADAPTER });
  });

  it.each([
    ["src/publishing-flow.test.ts", imports("@offerkit/api")],
    ["src/publishing-flow.test.ts", imports("@offerkit/api/testing")],
    ["test/flow.test.ts", imports("@offerkit/db/testing")],
  ])("publisher-aws %s may", async (file, code) => {
    await expectAllowed({ pkg: "packages/publisher-aws", file, code });
  });
});

describe("published packages ship no other package of ours", () => {
  const PUBLISHED = /A published package ships no other @offerkit package/;

  it.each([
    ["packages/sdk", "src/client.ts", imports("@offerkit/api")],
    // verbatimModuleSyntax keeps `import { type X }` as a runtime import of the module
    ["packages/sdk", "src/client.ts", 'import { type AppRouter } from "@offerkit/api";\nexport type R = AppRouter;\n'],
    ["packages/sdk", "src/types.ts", 'export * from "@offerkit/core";\n'],
    ["packages/sdk", "src/types.ts", 'export { offerIdSchema } from "@offerkit/core";\n'],
    ["packages/sdk", "src/node.ts", 'export const api = await import("@offerkit/api");\n'],
    ["packages/widget", "src/deep-link.ts", imports("@offerkit/core")],
    ["packages/widget", "src/react/marketplace-link.tsx", imports("@offerkit/sdk")],
  ])("%s %s refuses a value import", async (pkg, file, code) => {
    await expectRefused({ pkg, file, code, message: PUBLISHED });
  });

  it.each([
    ["packages/sdk", "src/client.ts", importsType("@offerkit/api")],
    ["packages/sdk", "src/types.ts", 'export type { OfferView } from "@offerkit/core";\n'],
    ["packages/widget", "src/api.ts", imports("@offerkit/core/link-rules")],
    ["packages/sdk", "src/client.test.ts", imports("@offerkit/api")],
    ["packages/widget", "test/init.test.ts", imports("@offerkit/core")],
  ])("%s %s allows types, link-rules and anything in tests", async (pkg, file, code) => {
    await expectAllowed({ pkg, file, code });
  });

  it("lets the SDK's form rules and money formatter bundle core, and nothing else of ours", async () => {
    await expectAllowed({ pkg: "packages/sdk", file: "src/rules.ts", code: 'export { offerIdSchema } from "@offerkit/core";\n' });
    await expectAllowed({ pkg: "packages/sdk", file: "src/money.ts", code: 'export { formatUsd } from "@offerkit/core";\n' });
    await expectRefused({ pkg: "packages/sdk", file: "src/rules.ts", code: imports("@offerkit/api"), message: /form rules and money formatter bundle @offerkit\/core itself/ });
    await expectRefused({ pkg: "packages/sdk", file: "src/money.ts", code: imports("@offerkit/db"), message: /any other @offerkit package is types only/ });
  });
});

describe("apps", () => {
  it.each(["src/routes/report-downloads.ts", "src/tracking/redirect.ts"])("the server's transport (%s): no database", async (file) => {
    await expectRefused({ pkg: "apps/server", file, code: imports("@offerkit/db"), message: /is transport, like a router/ });
    await expectRefused({ pkg: "apps/server", file, code: imports("kysely"), message: /SQL lives in @offerkit\/db/ });
    await expectAllowed({ pkg: "apps/server", file, code: imports("@offerkit/api") + importsType("express") });
    await expectAllowed({ pkg: "apps/server", file: file.replace(/\.ts$/, ".test.ts"), code: imports("@offerkit/db") });
  });

  it.each([
    ["apps/console", "src/pages/offers/offer-list.tsx", imports("@offerkit/api")],
    ["apps/console", "src/app.tsx", importsType("@offerkit/core")],
    ["apps/cli", "src/commands/offers-send.ts", imports("@offerkit/eula")],
  ])("%s %s: the console and the CLI go through the SDK only", async (pkg, file, code) => {
    await expectRefused({ pkg, file, code, message: OVER_SDK });
  });
});
