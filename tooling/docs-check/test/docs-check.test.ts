import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkReadmes, formatFailure } from "../src/check";
import { extractBlocks } from "../src/extract";
import { checkerDir, checkRepo, findReadmes, repoRoot } from "../src/repo";

const fence = "```";

describe("extractBlocks", () => {
  it("finds ts and tsx blocks with the line of their fence, and passes over other languages", () => {
    const markdown = [
      "# Title", // 1
      `${fence}sh`, // 2
      "npm test", // 3
      fence, // 4
      `${fence}ts`, // 5
      "const a = 1;", // 6
      fence, // 7
      "- a list item:", // 8
      `  ${fence}tsx`, // 9
      "  const b = <br />;", // 10
      `  ${fence}`, // 11
      "~~~typescript", // 12
      "const c = `", // 13
      fence, // 14: inside a ~~~ block, not its end
      "`;", // 15
      "~~~", // 16
    ].join("\n");
    expect(extractBlocks(markdown)).toEqual([
      { line: 5, lang: "ts", code: "const a = 1;\n", fragment: false },
      { line: 9, lang: "tsx", code: "const b = <br />;\n", fragment: false },
      { line: 12, lang: "ts", code: `const c = \`\n${fence}\n\`;\n`, fragment: false },
    ]);
  });

  it("marks ```ts fragment blocks", () => {
    expect(extractBlocks(`${fence}ts fragment\nclient.offers.send({ offerId });\n${fence}\n`)).toEqual([
      { line: 1, lang: "ts", code: "client.offers.send({ offerId });\n", fragment: true },
    ]);
  });
});

describe("checkReadmes on planted READMEs", () => {
  // Planted at packages/core: its blocks resolve @offerkit/core and its dependencies.
  const core = [
    "# @offerkit/core", // 1
    "", // 2
    `${fence}ts`, // 3
    'import { fromUnits, toUnits } from "@offerkit/core";', // 4
    'export const sum: string = fromUnits(toUnits("0.1") + toUnits("0.2"));', // 5
    fence, // 6
    "", // 7
    `${fence}ts`, // 8
    'import { toUnits } from "@offerkit/core";', // 9
    "", // 10
    'export const wrong: string = toUnits("1");', // 11
    fence, // 12
    "", // 13
    `${fence}ts fragment`, // 14
    "export const notChecked: number = undeclared;", // 15
    fence, // 16
  ].join("\n");
  const usesEula = `${fence}ts\nimport { inspectEula } from "@offerkit/eula";\nexport const inspect = inspectEula;\n${fence}\n`;
  const widget = [
    `${fence}tsx`, // 1
    'import { MarketplaceLink } from "@offerkit/widget/react";', // 2
    "", // 3
    'export const link = <MarketplaceLink asin="B00635Y2IW">Acme</MarketplaceLink>;', // 4
    "export const wrong = <MarketplaceLink asin={42}>Acme</MarketplaceLink>;", // 5
    fence, // 6
  ].join("\n");
  const vitestExample = [
    `${fence}ts`, // 1
    'import { expect, it } from "vitest";', // 2
    'import { ADMIN_KEY } from "@offerkit/test-server";', // 3
    'import { padStart } from "left-pad";', // 4
    'it("is a key", () => expect(ADMIN_KEY).toMatch(/key/));', // 5
    fence,
  ].join("\n");
  const planted = [
    { path: join(repoRoot, "packages", "core", "README.md"), text: core },
    { path: join(repoRoot, "tooling", "test-server", "README.md"), text: vitestExample },
    { path: join(repoRoot, "packages", "eula", "README.md"), text: usesEula },
    { path: join(repoRoot, "packages", "core", "docs", "README.md"), text: usesEula },
    { path: join(repoRoot, "README.md"), text: widget },
  ];
  // One program for all, as over the repository.
  const result = checkReadmes(planted, { root: repoRoot, outDir: join(checkerDir, ".generated", "planted"), fallbackDir: checkerDir });
  const failuresOf = (readme: string) => result.failures.filter((failure) => failure.readme === readme).map(formatFailure);

  it("reports a block that does not type-check, at its README line, and passes good blocks and fragments", () => {
    expect(failuresOf("packages/core/README.md")).toEqual([
      "packages/core/README.md:11:14 TS2322: Type 'bigint' is not assignable to type 'string'.",
    ]);
    expect(result).toMatchObject({ checked: 6, fragments: 1 });
  });

  it("resolves a block from the package it documents, not from another", () => {
    expect(failuresOf("packages/eula/README.md")).toEqual([]);
    // core depends on no other package of ours
    expect(failuresOf("packages/core/docs/README.md")).toEqual([
      expect.stringMatching(/^packages\/core\/docs\/README\.md:2:29 TS2307: Cannot find module '@offerkit\/eula'/),
    ]);
  });

  it("takes a third-party module the package lacks (vitest in test-server) from the checker's dependencies, and only those it has", () => {
    expect(failuresOf("tooling/test-server/README.md")).toEqual([
      expect.stringMatching(/^tooling\/test-server\/README\.md:4:26 TS2307: Cannot find module 'left-pad'/),
    ]);
  });

  it("checks tsx with React's JSX, and a README outside every package from the checker's dependencies", () => {
    expect(failuresOf("README.md")).toEqual([expect.stringMatching(/^README\.md:5:39 TS2322: Type 'number' is not assignable to type 'string'/)]);
  });

  it("reports nothing else", () => {
    expect(result.failures).toHaveLength(4);
  });
});

describe("the repository's READMEs", () => {
  it("are all found, the root's first", () => {
    const readmes = findReadmes().map((path) => path.slice(repoRoot.length + 1));
    expect(readmes[0]).toBe("README.md");
    expect(readmes).toEqual(expect.arrayContaining(["packages/api/README.md", "packages/sdk/README.md", "tooling/docs-check/README.md"]));
    expect(readmes.some((path) => path.includes("node_modules") || path.includes(".generated"))).toBe(false);
  });

  // One TypeScript program over every README block: about 3 s alone, several times that when the
  // other suites share the machine's cores.
  it("have ts and tsx blocks that type-check", { timeout: 60_000 }, () => {
    const result = checkRepo();
    expect(result.failures.map(formatFailure)).toEqual([]);
    expect(result.checked).toBeGreaterThan(10);
  });
});
