import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { makePdf } from "@offerkit/eula/testing";
import { createOfferkitClient, type IssuedApiKey, type NodeOfferkitClient, type OfferView, type Product } from "@offerkit/sdk";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { binary, runCli } from "./run-cli";

const ASIN = "B00635Y2IW";

let server: ServerProcess;
let client: NodeOfferkitClient;
let env: Record<string, string>;
let dir: string;

function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

async function offersNamed(name: string): Promise<OfferView[]> {
  const offers: OfferView[] = [];
  for await (const offer of client.offers.listAll({ limit: 100 })) if (offer.name === name) offers.push(offer);
  return offers;
}

/** A complete offer file: sendable as it is, paid in installments. */
function dealFile(file: string, name: string, extra: string[] = []): string {
  const path = join(dir, file);
  writeFileSync(
    path,
    [
      `asin: ${ASIN}`,
      `name: ${name}`,
      "description: Approved by the VP of sales",
      'buyerAccounts: ["111122223333", "444455556666"]',
      "pricing:",
      "  model: saas_contract",
      '  contract: { seats: "0", storage_tb: "0" }',
      "  quantities: { seats: 250, storage_tb: 40 }",
      "installments:",
      `  - { chargeDate: ${daysFromNow(10)}, amount: "30000" }`,
      `  - { chargeDate: ${daysFromNow(200)}, amount: "45250.50" }`,
      "eulaFile: eula.pdf",
      `agreement: { kind: endDate, endDate: ${daysFromNow(400)} }`,
      `acceptanceDeadline: ${daysFromNow(60)}`,
      "refundPolicy: Email refunds@globex.example.",
      ...extra,
    ].join("\n"),
  );
  return file;
}

/** Runs the binary on a terminal (util-linux's script gives it one) and types `input`: what a rep sees, prompts included. */
function runOnTerminal(args: readonly string[], input: string): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, binary, ...args].map((word) => `'${word}'`).join(" ");
  return new Promise((resolve) => {
    const child = spawn("script", ["-qec", command, "/dev/null"], { env: { PATH: process.env["PATH"] ?? "", ...env } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
    child.stdin.end(input);
  });
}

function idOf(stdout: string): string {
  return /(offer-[\w-]{10,40})/.exec(stdout)?.[1] ?? "";
}

beforeAll(async () => {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run pnpm build first`);
  server = await startServerProcess();
  client = createOfferkitClient({ baseUrl: server.url, apiKey: ADMIN_KEY });
  env = { OFFERKIT_URL: server.url, OFFERKIT_API_KEY: ADMIN_KEY };
  dir = mkdtempSync(join(tmpdir(), "offerkit-cli-ops-"));
  writeFileSync(join(dir, "eula.pdf"), await makePdf(2));
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("offers create is idempotent", () => {
  it("sends one offer when create --send runs twice", { timeout: 60_000 }, async () => {
    const file = dealFile("twice.yaml", "Globex, sent twice");
    const first = await runCli(["offers", "create", "--file", file, "--send"], { env, cwd: dir });
    expect(first).toMatchObject({ code: 0, stderr: "" });
    const [headline = "", keyLine = ""] = lines(first.stdout);
    expect(headline).toMatch(/^Created and sent offer-\S+\.$/);
    expect(keyLine).toMatch(/^Idempotency key cli-create-[0-9a-f]{64} \(from the offer's terms: the same command answers with this offer; --new makes another\)$/);
    const second = await runCli(["offers", "create", "--send", "--file", file], { env, cwd: dir });
    expect(second).toMatchObject({ code: 0, stderr: "" });
    expect(lines(second.stdout)[0]).toMatch(/^offer-\S+ was created by an earlier run of this command \(.+\); nothing new was created, and it was sent at .+: not sent again\.$/);
    expect(lines(second.stdout)[1]).toBe(keyLine);
    expect(idOf(second.stdout)).toBe(idOf(first.stdout));
    const offers = await offersNamed("Globex, sent twice");
    expect(offers).toHaveLength(1);
    expect(offers[0]?.status).toBe("sent");
  });

  it("answers a second plain create with the first draft, and --new makes another on purpose", { timeout: 60_000 }, async () => {
    const file = dealFile("draft.yaml", "Globex, drafted twice");
    const first = await runCli(["offers", "create", "--file", file, "--json"], { env, cwd: dir });
    expect(first.code).toBe(0);
    const draft = JSON.parse(first.stdout) as OfferView;
    expect(lines(first.stderr)).toEqual([expect.stringMatching(/^Idempotency key cli-create-[0-9a-f]{64} /)]);
    // The server's Date header counts whole seconds: a rerun a second later is told apart.
    await sleep(1_100);
    const second = await runCli(["offers", "create", "--file", file], { env, cwd: dir });
    expect(second).toMatchObject({ code: 0, stderr: "" });
    expect(lines(second.stdout)[0]).toBe(`${draft.id} was created by an earlier run of this command (${draft.createdAt}); nothing new was created. Pass --new for another offer.`);
    const another = await runCli(["offers", "create", "--file", file, "--new"], { env, cwd: dir });
    expect(another.code).toBe(0);
    expect(lines(another.stdout)[0]).toMatch(/^Created draft offer-\S+\.$/);
    expect(lines(another.stdout)[1]).toMatch(/^Idempotency key cli-new-\S+ \(--new: a new offer, whatever ran before\)$/);
    expect(idOf(another.stdout)).not.toBe(draft.id);
    expect((await offersNamed("Globex, drafted twice")).map((offer) => offer.id).sort()).toEqual([draft.id, idOf(another.stdout)].sort());
  });

  it("sends the draft an earlier create made, and refuses once that draft was edited", { timeout: 60_000 }, async () => {
    const file = dealFile("later.yaml", "Globex, sent later");
    const draft = await runCli(["offers", "create", "--file", file], { env, cwd: dir });
    const id = idOf(draft.stdout);
    // The server's Date header counts whole seconds: a rerun a second later is told apart.
    await sleep(1_100);
    const sent = await runCli(["offers", "create", "--file", file, "--send"], { env, cwd: dir });
    expect(sent).toMatchObject({ code: 0, stderr: "" });
    expect(lines(sent.stdout)[0]).toMatch(new RegExp(`^Sent ${id}, the draft an earlier run of this command created`));
    expect((await offersNamed("Globex, sent later")).map((offer) => offer.status)).toEqual(["sent"]);

    const editedFile = dealFile("edited.yaml", "Globex, edited in between");
    const edited = idOf((await runCli(["offers", "create", "--file", editedFile], { env, cwd: dir })).stdout);
    expect((await runCli(["offers", "update", edited, "--refund-policy", "No refunds after 30 days."], { env })).code).toBe(0);
    const refused = await runCli(["offers", "create", "--file", editedFile, "--send"], { env, cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(lines(refused.stderr)).toEqual([
      `offerkit: CONFLICT: ${edited} was created by an earlier run of this command and edited since (now version 2): the draft is no longer this command's terms, so it was not sent`,
      `Check it with offerkit offers show ${edited} and send it with offerkit offers send ${edited}, or pass --new for an offer with this command's terms.`,
    ]);
    expect((await client.offers.get({ offerId: edited })).status).toBe("draft");
  });

  it("says when the offer an earlier run made was deleted, and refuses --new with a fixed key", { timeout: 60_000 }, async () => {
    const file = dealFile("deleted.yaml", "Globex, deleted");
    const id = idOf((await runCli(["offers", "create", "--file", file], { env, cwd: dir })).stdout);
    expect((await runCli(["offers", "delete", id, "--yes"], { env })).code).toBe(0);
    const again = await runCli(["offers", "create", "--file", file], { env, cwd: dir });
    expect(again).toEqual({
      code: 1,
      stdout: "",
      stderr: `offerkit: NOT_FOUND: Offer ${id}, which this command created before, has been deleted\nPass --new to create the offer again.\n`,
    });
    const both = await runCli(["offers", "create", "--file", file, "--new", "--idempotency-key", "deal-2027-0001"], { env, cwd: dir });
    expect(both.code).toBe(2);
    expect(lines(both.stderr)[0]).toBe("offerkit: --new makes another offer, --idempotency-key answers with the same one: give one of them");
  });
});

describe("installments in offer files", () => {
  it("keeps each amount exactly as quoted and shows them as currency", async () => {
    const file = dealFile("exact.yaml", "Globex, exact amounts");
    const result = await runCli(["offers", "create", "--file", file], { env, cwd: dir });
    expect(result.code).toBe(0);
    const offer = await client.offers.get({ offerId: idOf(result.stdout) });
    expect(offer.installments).toEqual([
      { chargeDate: daysFromNow(10), amount: "30000" },
      { chargeDate: daysFromNow(200), amount: "45250.5" },
    ]);
    expect(result.stdout).toMatch(new RegExp(`^Installment 1 +${daysFromNow(10)} \\$30,000\\.00$`, "m"));
    expect(result.stdout).toMatch(new RegExp(`^Installment 2 +${daysFromNow(200)} \\$45,250\\.50$`, "m"));
    expect(result.stdout).toMatch(/^Installments total\s+\$75,250\.50 USD$/m);
  });

  it("refuses an unquoted amount in YAML or JSON, creating nothing", async () => {
    writeFileSync(join(dir, "unquoted.yaml"), `asin: ${ASIN}\nname: Unquoted\ninstallments:\n  - { chargeDate: 2027-01-15, amount: 30000 }\n  - { chargeDate: 2027-07-15, amount: 1.5e4 }\n`);
    const yaml = await runCli(["offers", "create", "--file", "unquoted.yaml"], { env, cwd: dir });
    expect(yaml).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "offerkit: unquoted.yaml: 2 problems\n" +
        '  installments.0.amount: quote the amount ("30000"); unquoted, YAML reads it as a number\n' +
        '  installments.1.amount: quote the amount ("1.5e4"); unquoted, YAML reads it as the number 15000\n' +
        "Run offerkit offers create --help\n",
    });
    writeFileSync(join(dir, "unquoted.json"), JSON.stringify({ asin: ASIN, name: "Unquoted" }).replace("}", ', "installments": [{ "chargeDate": "2027-01-15", "amount": 30000.10 }]}'));
    const json = await runCli(["offers", "create", "--file", "unquoted.json"], { env, cwd: dir });
    expect(json.code).toBe(2);
    expect(lines(json.stderr)[0]).toBe('offerkit: unquoted.json: installments.0.amount: quote the amount ("30000.10"); unquoted, JSON reads it as the floating-point number 30000.1');
    expect(await offersNamed("Unquoted")).toEqual([]);
  });

  it("lets the server refuse a grouped amount, naming the field", async () => {
    const result = await runCli(["offers", "create", "--product", ASIN, "--name", "Grouped", "--installment", "2027-01-15=30,000.00"], { env });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^offerkit: VALIDATION_FAILED: installments\.0\.amount: /)]);
  });
});

describe("offers update and delete", () => {
  let draftId = "";

  beforeAll(async () => {
    const draft = await client.offers.create({
      productId: (await productByAsin(ASIN)).id,
      name: "Initech, to edit",
      pricing: { model: "saas_contract", contract: { seats: "45.50", storage_tb: "120" } },
    });
    draftId = draft.id;
  });

  it("changes one price, keeps the others and says the new version", async () => {
    const result = await runCli(["offers", "update", draftId, "--price", "seats=40", "--account", "1234-5678-9012, 2222 3333 4444"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(lines(result.stdout)[0]).toBe(`Updated ${draftId} to version 2: buyerAccounts, pricing.`);
    expect(result.stdout).toMatch(/^ {2}seats\s+\$40\.00 per unit for the term$/m);
    const offer = await client.offers.get({ offerId: draftId });
    expect(offer).toMatchObject({ version: 2, buyerAccounts: ["123456789012", "222233334444"], pricing: { contract: { seats: "40", storage_tb: "120" } } });
  });

  it("sets and clears a payment schedule from flags", async () => {
    const set = await runCli(["offers", "update", draftId, "--installment", `${daysFromNow(20)}=1000`, "--installment", `${daysFromNow(50)}=2500.5`, "--json"], { env });
    expect(set.code).toBe(0);
    expect((JSON.parse(set.stdout) as OfferView).installmentsTotal).toBe("3500.50");
    const cleared = await runCli(["offers", "update", draftId, "--clear", "installments", "--json"], { env });
    expect((JSON.parse(cleared.stdout) as OfferView).installments).toBeNull();
  });

  it("names every bad field on its own line, exit 1, and writes nothing", async () => {
    const before = (await client.offers.get({ offerId: draftId })).version;
    const result = await runCli(["offers", "update", draftId, "--account", "12345", "--deadline", "2027-02-30", "--price", "seats=-1"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const [headline = "", ...issues] = lines(result.stderr);
    expect(headline).toBe("offerkit: VALIDATION_FAILED: 3 fields are invalid");
    expect(issues.map((line) => /^ {2}([\w.]+): /.exec(line)?.[1]).sort()).toEqual(["acceptanceDeadline", "buyerAccounts.0", "pricing.contract.seats"]);
    expect((await client.offers.get({ offerId: draftId })).version).toBe(before);
  });

  it("refuses a stale version, an empty change, a bad --clear and another product", async () => {
    const stale = await runCli(["offers", "update", draftId, "--name", "x", "--expected-version", "1"], { env });
    expect(stale.code).toBe(1);
    expect(lines(stale.stderr)[0]).toMatch(/^offerkit: CONFLICT: Offer \S+ is at version \d+, not 1/);
    expect(await runCli(["offers", "update", draftId], { env })).toMatchObject({ code: 2, stderr: expect.stringContaining("nothing to change") });
    expect(await runCli(["offers", "update", draftId, "--clear", "colour"], { env })).toMatchObject({ code: 2, stderr: expect.stringContaining("--clear takes one of name,") });
    writeFileSync(join(dir, "other.yaml"), "asin: B0DEMO0004\nname: Other\n");
    const other = await runCli(["offers", "update", draftId, "--file", "other.yaml"], { env, cwd: dir });
    expect(other.code).toBe(2);
    expect(lines(other.stderr)[0]).toBe(`offerkit: other.yaml: product B0DEMO0004 is not this draft's (${ASIN}); a draft keeps its product, so create a new offer for another`);
  });

  it("never changes or deletes a sent offer", { timeout: 60_000 }, async () => {
    const sentId = idOf((await runCli(["offers", "create", "--file", dealFile("frozen.yaml", "Globex, frozen"), "--send"], { env, cwd: dir })).stdout);
    const update = await runCli(["offers", "update", sentId, "--name", "Changed"], { env });
    expect(update).toMatchObject({ code: 1, stdout: "" });
    expect(lines(update.stderr)).toEqual([expect.stringMatching(/^offerkit: OFFER_IMMUTABLE: /)]);
    const remove = await runCli(["offers", "delete", sentId, "--yes"], { env });
    expect(remove).toMatchObject({ code: 1, stdout: "" });
    expect(lines(remove.stderr)).toEqual([expect.stringMatching(/^offerkit: OFFER_IMMUTABLE: /)]);
  });

  it("asks on a terminal before deleting: only a yes deletes", async () => {
    const draft = await client.offers.create({ productId: (await productByAsin(ASIN)).id, name: "Asked first" });
    const no = await runOnTerminal(["offers", "delete", draft.id], "n\n");
    expect(no.code).toBe(0);
    expect(no.output).toContain(`Delete the draft offer ${draft.id} (Asked first)? This cannot be undone. [y/N]`);
    expect(no.output).toContain("Nothing deleted.");
    expect((await client.offers.get({ offerId: draft.id })).status).toBe("draft");
    const yes = await runOnTerminal(["offers", "delete", draft.id], "y\n");
    expect(yes).toMatchObject({ code: 0, output: expect.stringContaining(`Deleted draft ${draft.id}.`) });
    expect(await runCli(["offers", "show", draft.id], { env })).toMatchObject({ code: 1 });
  });

  it("deletes a draft only with --yes when there is no terminal to ask in", async () => {
    const asked = await runCli(["offers", "delete", draftId], { env });
    expect(asked).toEqual({ code: 2, stdout: "", stderr: "offerkit: pass --yes to delete without a terminal to ask in\nRun offerkit offers delete --help\n" });
    const deleted = await runCli(["offers", "delete", draftId, "--yes"], { env });
    expect(deleted).toEqual({ code: 0, stdout: `Deleted draft ${draftId}.\n`, stderr: "" });
    expect(await runCli(["offers", "show", draftId], { env })).toMatchObject({ code: 1, stderr: `offerkit: NOT_FOUND: No offer ${draftId}\n` });
  });
});

async function productByAsin(asin: string): Promise<Product> {
  for await (const product of client.products.listAll({ limit: 100 })) if (product.asin === asin) return product;
  throw new Error(`No product ${asin}`);
}

describe("products create, update and list", () => {
  const flags = [
    "--asin", "B0CLITEST1", "--title", "Acme Analytics", "--description", "Dashboards for your data",
    "--marketplace-product-id", "00000000-0000-4000-8000-000000000123", "--product-code", "acmeanalytics01",
    "--model", "saas_contract", "--dimension", "seats=Seats", "--dimension", "storage_tb=Storage (TB)",
    "--price", "seats=30000", "--price", "storage_tb=45.5",
  ];

  it("creates a product from flags, with public prices shown as currency, and lists it", async () => {
    const result = await runCli(["products", "create", ...flags], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(lines(result.stdout)[0]).toMatch(/^Created product prod-\S+ \(B0CLITEST1\)\.$/);
    expect(result.stdout).toMatch(/^Dimensions\s+seats \(Seats\), storage_tb \(Storage \(TB\)\)$/m);
    expect(result.stdout).toMatch(/^ {2}seats\s+\$30,000\.00 per unit for the term$/m);
    expect(result.stdout).toMatch(/^ {2}storage_tb\s+\$45\.50 per unit for the term$/m);
    const product = await productByAsin("B0CLITEST1");
    expect(product).toMatchObject({ title: "Acme Analytics", pricing: { model: "saas_contract" }, publicPricing: { model: "saas_contract", contract: { seats: "30000", storage_tb: "45.5" } } });
    const list = await runCli(["products", "list"], { env });
    expect(list.stdout).toMatch(/B0CLITEST1\s+saas_contract\s+seats, storage_tb\s+Acme Analytics$/m);
  });

  it("updates the listing by ASIN and keeps the rest", async () => {
    const result = await runCli(["products", "update", "B0CLITEST1", "--title", "Acme Analytics Pro", "--keyword", "bi", "--price", "seats=31000"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(lines(result.stdout)[0]).toMatch(/^Updated product prod-\S+ \(B0CLITEST1\): title, keywords, publicPricing\.$/);
    const product = await productByAsin("B0CLITEST1");
    expect(product).toMatchObject({ title: "Acme Analytics Pro", keywords: ["bi"], publicPricing: { contract: { seats: "31000", storage_tb: "45.5" } } });
  });

  it("names what is missing before any request, and what the server refuses by field", async () => {
    const missing = await runCli(["products", "create", "--title", "Half"], { env });
    expect(missing.code).toBe(2);
    expect(lines(missing.stderr)[0]).toBe("offerkit: missing --asin (asin), --description (description), --marketplace-product-id (marketplaceProductId), --product-code (productCode), --model (pricing.model)");
    const bad = await runCli(["products", "create", ...flags.map((flag) => (flag === "B0CLITEST1" ? "b0-lower" : flag === "acmeanalytics01" ? "NO" : flag))], { env });
    expect(bad.code).toBe(1);
    const [headline = "", ...issues] = lines(bad.stderr);
    expect(headline).toBe("offerkit: VALIDATION_FAILED: 2 fields are invalid");
    expect(issues).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}asin: An ASIN is 10 upper-case letters or digits/), expect.stringMatching(/^ {2}productCode: A product code is 8 to 32/)]));
    const fixed = await runCli(["products", "update", "B0CLITEST1", "--model", "usage"], { env });
    expect(fixed.code).toBe(2);
    expect(lines(fixed.stderr)[0]).toBe("offerkit: --model: fixed once a product exists, since offers point at it");
  });

  it("reads a product file and names each of its problems with its path", async () => {
    writeFileSync(join(dir, "product.yaml"), "asin: B0CLITEST2\ntitle: From a file\ncolour: red\npricing:\n  model: hourly\n  freeTrialDays: 7.5\n  dimensions: [{ key: m5.large, name: 2 }]\n");
    const result = await runCli(["products", "create", "--file", "product.yaml"], { env, cwd: dir });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)).toEqual([
      "offerkit: product.yaml: 2 problems",
      "  pricing.freeTrialDays: expected a whole number such as 100, found 7.5",
      '  pricing.dimensions.0.name: quote the value ("2"); unquoted, YAML reads it as a number',
      "Run offerkit products create --help",
    ]);
    writeFileSync(join(dir, "fields.yaml"), "asin: B0CLITEST2\ncolour: red\nkeywords: bi\n");
    const fields = await runCli(["products", "create", "--file", "fields.yaml"], { env, cwd: dir });
    expect(lines(fields.stderr)).toEqual([
      "offerkit: fields.yaml: 2 problems",
      "  colour: unknown field (expected asin, title, description, marketplaceProductId, productCode, catalogProductId, highlights, keywords, categories, pricing)",
      "  keywords: expected a list",
      "Run offerkit products create --help",
    ]);
  });
});

describe("keys and buyers", () => {
  let issued: IssuedApiKey;

  it("creates a key with chosen scopes and prints its secret once, clearly", async () => {
    const result = await runCli(["keys", "create", "--name", "Reporting laptop", "--scope", "offers:read,products:read", "--json"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    issued = JSON.parse(result.stdout) as IssuedApiKey;
    expect(issued).toMatchObject({ name: "Reporting laptop", scopes: ["products:read", "offers:read"] });
    const text = await runCli(["keys", "create", "--name", "Shown once", "--scope", "offers:read"], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Secret \(shown this once; store it now, it cannot be shown again\):\n\n {2}oks_\S+\n/m);
  });

  it("lists keys without their secrets, and the new key works within its scopes only", async () => {
    const list = await runCli(["keys", "list"], { env });
    expect(list.code).toBe(0);
    const row = lines(list.stdout).find((line) => line.startsWith(`${issued.id} `)) ?? "";
    expect(row.split(/\s{2,}/)).toEqual([issued.id, "Reporting laptop", "seller", issued.keyPrefix, "products:read,offers:read", expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), "active"]);
    expect(list.stdout).not.toContain(issued.secret);
    const withKey = { ...env, OFFERKIT_API_KEY: issued.secret };
    expect((await runCli(["products", "list"], { env: withKey })).code).toBe(0);
    const refused = await runCli(["offers", "create", "--product", ASIN, "--name", "Not allowed"], { env: withKey });
    expect(refused).toEqual({ code: 1, stdout: "", stderr: "offerkit: FORBIDDEN: This API key needs the offers:write scope\n" });
    const noAdmin = await runCli(["keys", "create", "--name", "x", "--scope", "admin"], { env: withKey });
    expect(noAdmin).toEqual({ code: 1, stdout: "", stderr: "offerkit: FORBIDDEN: This API key needs the admin scope\n" });
  });

  it("refuses an unknown scope and a missing name before any request", async () => {
    const unknown = await runCli(["keys", "create", "--name", "x", "--scope", "offers:delete"], { env });
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr)[0]).toMatch(/^offerkit: unknown scope offers:delete: one of products:read, products:write, /);
    expect(await runCli(["keys", "create", "--scope", "admin"], { env })).toMatchObject({ code: 2, stderr: expect.stringContaining("missing --name") });
  });

  it("revokes a key: requests with it fail from then on", async () => {
    const result = await runCli(["keys", "revoke", issued.id], { env });
    expect(result).toEqual({ code: 0, stdout: `Revoked ${issued.id}: requests made with it now fail.\n`, stderr: "" });
    const after = await runCli(["products", "list"], { env: { ...env, OFFERKIT_API_KEY: issued.secret } });
    expect(after.code).toBe(1);
    expect(lines(after.stderr)[0]).toMatch(/^offerkit: UNAUTHORIZED: /);
    expect((await runCli(["keys", "list"], { env })).stdout).not.toContain(issued.id);
    const revoked = lines((await runCli(["keys", "list", "--revoked"], { env })).stdout).find((line) => line.startsWith(`${issued.id} `));
    expect(revoked).toMatch(/\srevoked \d{4}-\d{2}-\d{2}$/);
    expect(await runCli(["keys", "revoke", issued.id], { env })).toMatchObject({ code: 1, stderr: `offerkit: NOT_FOUND: No active key ${issued.id}\n` });
  });

  it("invites each buyer of a sent offer with a one-time link, and names a wrong account or a draft", { timeout: 60_000 }, async () => {
    const sentId = idOf((await runCli(["offers", "create", "--file", dealFile("invite.yaml", "Globex, invited"), "--send"], { env, cwd: dir })).stdout);
    const all = await runCli(["buyers", "invite", sentId], { env });
    expect(all).toMatchObject({ code: 0, stderr: "" });
    const [title = "", header = "", ...rows] = lines(all.stdout);
    expect(title).toBe(`Invitation links for ${sentId}, each for one use (shown this once):`);
    expect(header.split(/\s{2,}/)).toEqual(["ACCOUNT", "EXPIRES", "LINK"]);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual(["111122223333", "444455556666"]);
    for (const row of rows) expect(row).toMatch(/\shttp:\/\/\S+\/i\/\S+$/);
    const one = await runCli(["buyers", "invite", sentId, "--account", "4444-5555-6666", "--json"], { env });
    expect(JSON.parse(one.stdout)).toEqual([expect.objectContaining({ offerId: sentId, account: "444455556666" })]);
    const stranger = await runCli(["buyers", "invite", sentId, "--account", "999988887777"], { env });
    expect(stranger).toMatchObject({ code: 1, stdout: "" });
    expect(lines(stranger.stderr)).toEqual([`offerkit: VALIDATION_FAILED: Account 999988887777 is not one of offer ${sentId}'s buyer accounts`, "  account: Not a buyer account of this offer"]);
    const draftId = idOf((await runCli(["offers", "create", "--product", ASIN, "--account", "111122223333", "--name", "Draft to invite"], { env })).stdout);
    const draft = await runCli(["buyers", "invite", draftId], { env });
    expect(draft.code).toBe(1);
    expect(lines(draft.stderr)).toEqual([`offerkit: VALIDATION_FAILED: Offer ${draftId} is a draft: send it before inviting its buyers`, "  offerId: Send the offer first"]);
  });
});
