import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makePdf } from "@offerkit/eula/testing";
import { createOfferkitClient, type NodeOfferkitClient, type OfferView, type Product } from "@offerkit/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_KEY, startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { binary, runCli } from "./run-cli";

const ASIN = "B00635Y2IW";

let server: ServerProcess;
let client: NodeOfferkitClient;
let env: Record<string, string>;
let dir: string;
let pdfSha256: string;

/** A deadline the server's clock still accepts. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

async function allOffers(): Promise<OfferView[]> {
  const offers: OfferView[] = [];
  for await (const offer of client.offers.listAll({ limit: 100 })) offers.push(offer);
  return offers;
}

function offerFromJson(stdout: string): OfferView {
  return JSON.parse(stdout) as OfferView;
}

beforeAll(async () => {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run pnpm build first`);
  server = await startServerProcess();
  client = createOfferkitClient({ baseUrl: server.url, apiKey: ADMIN_KEY });
  env = { OFFERKIT_URL: server.url, OFFERKIT_API_KEY: ADMIN_KEY };
  dir = mkdtempSync(join(tmpdir(), "offerkit-cli-"));
  const pdf = await makePdf(3);
  writeFileSync(join(dir, "eula.pdf"), pdf);
  pdfSha256 = createHash("sha256").update(pdf).digest("hex");
});

afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("help and usage", () => {
  const commands = [
    "products list", "products create", "products update",
    "offers create", "offers update", "offers send", "offers republish", "offers list", "offers show", "offers copy", "offers delete",
    "buyers invite", "keys create", "keys list", "keys revoke", "reports daily", "reports weekly",
  ];

  it.each([["--help"], ["help"]])("offerkit %s lists every command", async (flag) => {
    const result = await runCli([flag]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    for (const command of commands) expect(result.stdout).toContain(`offerkit ${command}`);
  });

  it.each(commands)("offerkit %s --help exits 0 with its usage", async (command) => {
    const result = await runCli([...command.split(" "), "--help"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(new RegExp(`^Usage: offerkit ${command}`));
  });

  it("refuses an unknown command with exit 2 and a pointer to the help", async () => {
    const result = await runCli(["frobnicate"], { env });
    expect(result).toEqual({ code: 2, stdout: "", stderr: 'offerkit: unknown command "frobnicate"\nRun offerkit --help\n' });
  });

  it("refuses an unknown flag and a missing argument with exit 2", async () => {
    expect(await runCli(["offers", "list", "--colour"], { env })).toEqual({
      code: 2,
      stdout: "",
      stderr: "offerkit: unknown flag --colour\nRun offerkit offers list --help\n",
    });
    expect(await runCli(["offers", "show"], { env })).toEqual({
      code: 2,
      stdout: "",
      stderr: "offerkit: missing offer ID\nRun offerkit offers show --help\n",
    });
  });

  it("names the missing setting in one line, exit 2", async () => {
    const result = await runCli(["products", "list"], { env: { OFFERKIT_URL: server.url } });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual(["offerkit: set OFFERKIT_API_KEY (or pass --api-key) to a seller API key"]);
  });

  it("takes --url and --api-key in place of the environment", async () => {
    const result = await runCli(["products", "list", "--url", server.url, "--api-key", ADMIN_KEY]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain(ASIN);
  });

  it("reports an unreachable server as a failure, exit 1", async () => {
    const result = await runCli(["products", "list"], { env: { ...env, OFFERKIT_URL: "http://127.0.0.1:9" } });
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^offerkit: NETWORK_ERROR: /)]);
  });
});

describe("products list", () => {
  it("prints an aligned table", async () => {
    const result = await runCli(["products", "list"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const [header = "", ...rows] = lines(result.stdout);
    expect(header.split(/\s{2,}/)).toEqual(["ID", "ASIN", "MODEL", "DIMENSIONS", "TITLE"]);
    const row = rows.find((line) => line.includes(ASIN)) ?? "";
    expect(row).toMatch(/saas_contract\s+seats, storage_tb\s+Demo Analytics/);
    expect(row.indexOf(ASIN)).toBe(header.indexOf("ASIN"));
  });

  it("prints the API's products as one JSON document with --json", async () => {
    const result = await runCli(["products", "list", "--json"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const expected: Product[] = [];
    for await (const product of client.products.listAll()) expected.push(product);
    expect(JSON.parse(result.stdout)).toEqual(expected);
  });
});

describe("offers", () => {
  let sentId = "";
  let fileDraftId = "";

  it("creates from flags, uploads the EULA and sends at once", async () => {
    const result = await runCli(
      [
        "offers", "create", "--product", ASIN, "--account", "012345678901", "--account", "210987654321",
        "--name", "Acme, three years", "--description", "Approved by the VP of sales",
        "--price", "seats=45.50", "--price", "storage_tb=120", "--eula", "eula.pdf", "--duration", "P36M",
        "--deadline", daysFromNow(30), "--refund-policy", "Write to refunds@acme.example.", "--send", "--json",
      ],
      { env, cwd: dir },
    );
    expect(result.code).toBe(0);
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^Idempotency key cli-create-[0-9a-f]{64} \(from the offer's terms/)]);
    const offer = offerFromJson(result.stdout);
    sentId = offer.id;
    expect(offer).toMatchObject({
      status: "sent",
      buyerAccounts: ["012345678901", "210987654321"],
      pricing: { model: "saas_contract", contract: { seats: "45.5", storage_tb: "120" } },
      eula: { sha256: pdfSha256, fileName: "eula.pdf", pageCount: 3 },
      agreement: { kind: "duration", duration: "P36M" },
    });
    expect(offer.buyerUrl).toMatch(new RegExp(`/offers/${offer.id}$`));
    expect(await client.offers.get({ offerId: offer.id })).toEqual(offer);
  });

  it("creates from a YAML file paid in installments, granting quantities, with flags overriding its fields", async () => {
    writeFileSync(
      join(dir, "globex.yaml"),
      [
        `asin: ${ASIN}`,
        "name: Globex, one year",
        "description: Renewal at list price",
        'buyerAccounts: ["111122223333"]',
        "pricing:",
        "  model: saas_contract",
        '  contract: { seats: "0", storage_tb: "0" }',
        "  quantities:",
        "    seats: 250",
        '    storage_tb: "40"',
        "installments:",
        `  - { chargeDate: ${daysFromNow(10)}, amount: "60000.00" }`,
        `  - { chargeDate: ${daysFromNow(200)}, amount: "45250.50" }`,
        "eulaFile: eula.pdf",
        "agreement: { kind: endDate, endDate: " + daysFromNow(400) + " }",
        `acceptanceDeadline: ${daysFromNow(60)}`,
        "refundPolicy: Email refunds@globex.example.",
      ].join("\n"),
    );
    const result = await runCli(["offers", "create", "--file", join(dir, "globex.yaml"), "--deadline", daysFromNow(45)], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const [headline = ""] = lines(result.stdout);
    fileDraftId = /^Created draft (offer-\S+)\.$/.exec(headline)?.[1] ?? "";
    const offer = await client.offers.get({ offerId: fileDraftId });
    expect(offer).toMatchObject({
      status: "draft",
      name: "Globex, one year",
      buyerAccounts: ["111122223333"],
      pricing: { model: "saas_contract", contract: { seats: "0", storage_tb: "0" }, quantities: { seats: 250, storage_tb: 40 } },
      installments: [
        { chargeDate: daysFromNow(10), amount: "60000" },
        { chargeDate: daysFromNow(200), amount: "45250.5" },
      ],
      installmentsTotal: "105250.50",
      eula: { sha256: pdfSha256 },
      acceptanceDeadline: daysFromNow(45),
      problems: [],
    });
    expect(result.stdout).toMatch(/^ {2}storage_tb\s+40 units for the term, \$0\.00 each upfront$/m);
    expect(result.stdout).toMatch(/^Installment 1 +\S+ \$60,000\.00$/m);
    expect(result.stdout).toMatch(/^Installments total\s+\$105,250\.50 USD$/m);
    expect(result.stdout).toMatch(/^Problems\s+none: it can be sent$/m);
  });

  it("shows what keeps a draft from being sent, one field and message a line", async () => {
    writeFileSync(
      join(dir, "half-done.yaml"),
      [
        `asin: ${ASIN}`,
        "pricing:",
        "  model: saas_contract",
        '  contract: { seats: "0", storage_tb: "0" }',
        "  quantities: { seats: 10 }",
        "installments:",
        `  - { chargeDate: ${daysFromNow(-2)}, amount: "100.00" }`,
      ].join("\n"),
    );
    const created = await runCli(["offers", "create", "--file", "half-done.yaml", "--json"], { env, cwd: dir });
    expect(created.code).toBe(0);
    const draft = offerFromJson(created.stdout);
    const result = await runCli(["offers", "show", draft.id], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const problems = lines(result.stdout).filter((line) => line.startsWith("Problem "));
    expect(problems).toEqual(draft.problems.map((problem) => expect.stringMatching(new RegExp(`^Problem\\s+${problem.path.join("\\.")}: `))));
    expect(problems).toContainEqual(expect.stringMatching(/^Problem\s+pricing\.quantities\.storage_tb: With a payment schedule, say how many of storage_tb the buyer gets for the term$/));
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^Problem\\s+installments\\.0\\.chargeDate: ${daysFromNow(-2)} has passed`)));
    expect(problems).toContainEqual(expect.stringMatching(/^Problem\s+eulaSha256: \S/));
  });

  it("refuses a granted quantity that is not a whole number, creating nothing", async () => {
    writeFileSync(join(dir, "half-seat.yaml"), `asin: ${ASIN}\npricing:\n  model: saas_contract\n  contract: { seats: "0", storage_tb: "0" }\n  quantities: { seats: 2.5 }\n`);
    const before = (await allOffers()).length;
    const result = await runCli(["offers", "create", "--file", "half-seat.yaml"], { env, cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "offerkit: half-seat.yaml: pricing.quantities.seats: expected a whole number such as 100, found 2.5\nRun offerkit offers create --help\n",
    });
    expect(await allOffers()).toHaveLength(before);
  });

  it("refuses a YAML price written as a number, creating nothing", async () => {
    writeFileSync(join(dir, "float.yaml"), `asin: ${ASIN}\npricing:\n  model: saas_contract\n  contract:\n    seats: 12.50\n    storage_tb: "1"\n`);
    const before = (await allOffers()).length;
    const result = await runCli(["offers", "create", "--file", "float.yaml"], { env, cwd: dir });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'offerkit: float.yaml: pricing.contract.seats: quote the price ("12.50"); unquoted, YAML reads it as the floating-point number 12.5\n' +
        "Run offerkit offers create --help\n",
    });
    expect(await allOffers()).toHaveLength(before);
  });

  it("refuses a price flag the product's model does not take, exit 2", async () => {
    const result = await runCli(["offers", "create", "--product", ASIN, "--monthly-fee", "10"], { env });
    expect(result.code).toBe(2);
    expect(lines(result.stderr)[0]).toBe(`offerkit: --monthly-fee does not apply: ${ASIN} is priced saas_contract; use --price <dimension>=<USD per unit for the whole term>`);
  });

  it("names the field of a bad account ID in one line, exit 1", async () => {
    const result = await runCli(["offers", "create", "--product", ASIN, "--account", "12345"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^offerkit: VALIDATION_FAILED: buyerAccounts\.0: An account ID is exactly 12 digits/)]);
  });

  it("sends a complete draft and prints its buyer URL", async () => {
    const result = await runCli(["offers", "send", fileDraftId], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const offer = await client.offers.get({ offerId: fileDraftId });
    expect(offer.status).toBe("sent");
    expect(lines(result.stdout)[0]).toBe(`Sent ${fileDraftId}. Buyer URL: ${offer.buyerUrl ?? ""}`);
  });

  it("refuses to send an offer twice: OFFER_IMMUTABLE in one line, exit 1", async () => {
    const result = await runCli(["offers", "send", sentId, "--json"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(lines(result.stderr)).toEqual([expect.stringMatching(/^offerkit: OFFER_IMMUTABLE: .*can never change/)]);
  });

  it("lists every field that keeps a draft from being sent, each on its own line with its path", async () => {
    const result = await runCli(["offers", "create", "--product", ASIN, "--name", "Half done", "--send"], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const [headline = "", ...rest] = lines(result.stderr);
    expect(headline).toMatch(/^offerkit: OFFER_NOT_SENDABLE: Offer offer-\S+ cannot be sent$/);
    const fields = rest.slice(0, -1).map((line) => /^ {2}([\w.]+): \S/.exec(line)?.[1]);
    expect(fields).toEqual(expect.arrayContaining(["description", "pricing", "eulaSha256", "agreement", "acceptanceDeadline", "buyerAccounts"]));
    expect(fields).not.toContain(undefined);
    expect(rest.at(-1)).toMatch(/^Draft offer-\S+ was created but not sent: fix it with offerkit offers update /);
  });

  it("lists offers as a table, newest first, with filters", async () => {
    const result = await runCli(["offers", "list", "--status", "sent"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const [header = "", ...rows] = lines(result.stdout);
    expect(header.split(/\s{2,}/)).toEqual(["ID", "STATUS", "PRODUCT", "BUYERS", "DEADLINE", "NAME"]);
    expect(rows.map((row) => row.split(/\s+/)[0])).toEqual([fileDraftId, sentId]);
    expect(rows[1]).toMatch(new RegExp(`sent\\s+${ASIN}\\s+012345678901, 210987654321\\s+\\S+\\s+Acme, three years$`));
  });

  it("prints the API's offers as JSON, paged through, with --limit and --product", async () => {
    const all = await runCli(["offers", "list", "--json", "--product", ASIN], { env });
    expect(JSON.parse(all.stdout)).toEqual(await allOffers());
    const one = await runCli(["offers", "list", "--json", "--limit", "1", "--account", "012345678901"], { env });
    expect(JSON.parse(one.stdout)).toEqual([await client.offers.get({ offerId: sentId })]);
  });

  it("shows one offer with its buyer URL, EULA and prices", async () => {
    const offer = await client.offers.get({ offerId: sentId });
    const text = await runCli(["offers", "show", sentId], { env });
    expect(text).toMatchObject({ code: 0, stderr: "" });
    expect(text.stdout).toMatch(new RegExp(`^Buyer URL\\s+${offer.buyerUrl ?? "missing"}$`, "m"));
    expect(text.stdout).toMatch(new RegExp(`^EULA sha256\\s+${pdfSha256}$`, "m"));
    expect(text.stdout).toMatch(/^EULA\s+eula\.pdf, 3 pages, \d+ bytes$/m);
    expect(text.stdout).toMatch(/^Pricing\s+saas_contract, in USD$/m);
    expect(text.stdout).toMatch(/^ {2}seats\s+\$45\.50 per unit for the term$/m);
    expect(text.stdout).toMatch(/^Agreement\s+36 months \(P36M\)$/m);
    expect(text.stdout).toMatch(new RegExp(`^Version\\s+${offer.version}$`, "m"));
    const json = await runCli(["offers", "show", sentId, "--json"], { env });
    expect(JSON.parse(json.stdout)).toEqual(offer);
  });

  it("copies a sent offer as a new draft that replaces it", async () => {
    const result = await runCli(["offers", "copy", sentId, "--json"], { env });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const copy = offerFromJson(result.stdout);
    expect(copy).toMatchObject({ status: "draft", replacesOfferId: sentId, name: "Acme, three years" });
    expect(copy.id).not.toBe(sentId);
  });

  it("reports an offer that does not exist as NOT_FOUND, exit 1", async () => {
    const result = await runCli(["offers", "show", "offer-doesnotexist00"], { env });
    expect(result).toEqual({ code: 1, stdout: "", stderr: "offerkit: NOT_FOUND: No offer offer-doesnotexist00\n" });
  });
});

describe("reports", () => {
  it("says on stderr that a period without activity has no report, and prints nothing", async () => {
    const result = await runCli(["reports", "weekly", "--date", "2001-01-08"], { env });
    expect(result).toEqual({
      code: 0,
      stdout: "",
      stderr: "No report weekly_reftag_report_2001-01-08.csv: No online-ad or partner clicks from 2001-01-01 to 2001-01-07: no report.\n",
    });
    const json = await runCli(["reports", "daily", "--date", "2001-01-08", "--json"], { env });
    expect(JSON.parse(json.stdout)).toEqual(await client.reports.daily({ date: "2001-01-08" }));
  });

  it("needs the report's date, written YYYY-MM-DD", async () => {
    expect(await runCli(["reports", "weekly"], { env })).toMatchObject({ code: 2, stderr: expect.stringContaining("missing --date") });
    expect(await runCli(["reports", "weekly", "--date", "8 Jan 2001"], { env })).toMatchObject({ code: 2, stderr: expect.stringContaining("YYYY-MM-DD") });
  });
});
