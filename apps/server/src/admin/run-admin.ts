import { parseArgs } from "node:util";
import { errorMessage } from "@offerkit/core";
import { ZodError } from "zod";
import { loadConfig } from "../config";
import { backupCommand, restoreCommand } from "./backup-commands";
import { commandOutput } from "./command-output";
import { revokeKeysCommand, rotateBootstrapKeyCommand } from "./keys-commands";
import { migrateCommand, migrationsCommand } from "./migration-commands";
import { createSellerCommand, listSellersCommand } from "./sellers-commands";
import { UsageError } from "./usage-error";

const HELP = `offerkit-admin: operate an Offerkit server's database directly, with the servers' own settings
(DATABASE_URL or OFFERKIT_DATA_DIR, OFFERKIT_BOOTSTRAP_KEY, ...).

Usage:
  offerkit-admin sellers create --name <name> [--data-sharing]   a seller and its first admin key (shown once)
  offerkit-admin sellers list                                    every seller and its number of working keys
  offerkit-admin keys revoke --seller <id> [--key <id>]          one key, or every key of the seller
  offerkit-admin backup <folder>                                 online backup of the SQLite database (checked),
                                                                 its data key, contact keys and EULA files
  offerkit-admin restore <folder> --yes                          a checked backup in place of the database
  offerkit-admin migrations                                      which migrations ran, which are pending (exit 1 if any)
  offerkit-admin migrate                                         run the pending migrations now
  offerkit-admin bootstrap-key rotate                            replace OFFERKIT_BOOTSTRAP_KEY's key

Options:
  --json    print one JSON document instead of text
  --help    this text

Exit codes: 0 done, 1 failed (the reason on stderr), 2 wrong usage.
`;

/** Runs one command line; the exit code. */
export async function runAdmin(argv: string[], env: NodeJS.ProcessEnv, write: (chunk: string) => void, writeError: (chunk: string) => void): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        name: { type: "string" },
        seller: { type: "string" },
        key: { type: "string" },
        "data-sharing": { type: "boolean", default: false },
        yes: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
    const [group, action, ...rest] = positionals;
    if (values.help || group === undefined || group === "help") {
      write(HELP);
      return 0;
    }
    const out = commandOutput(values.json ? "json" : "text", write);
    const config = loadConfig(env);
    const command = [group, action].filter((word) => word !== undefined).join(" ");
    const noMore = (count: number) => {
      if (rest.length + (action === undefined ? 0 : 1) > count) throw new UsageError(`Too many arguments for ${group}: ${positionals.slice(1 + count).join(" ")}`);
    };
    switch (group) {
      case "sellers":
        noMore(1);
        if (action === "create") return await done(createSellerCommand(config, { name: values.name, dataSharing: values["data-sharing"] }, out));
        if (action === "list") return await done(listSellersCommand(config, out));
        break;
      case "keys":
        noMore(1);
        if (action === "revoke") return await done(revokeKeysCommand(config, { seller: values.seller, key: values.key }, out));
        break;
      case "backup":
        noMore(1);
        return await done(backupCommand(config, action, out));
      case "restore":
        noMore(1);
        return await done(restoreCommand(config, action, values.yes, out, new Date()));
      case "migrations":
        noMore(0);
        return (await migrationsCommand(config, out)) ? 0 : 1;
      case "migrate":
        noMore(0);
        return await done(migrateCommand(config, out));
      case "bootstrap-key":
        noMore(1);
        if (action === "rotate") return await done(rotateBootstrapKeyCommand(config, out));
        break;
      default:
        break;
    }
    throw new UsageError(`Unknown command: ${command}. Run offerkit-admin --help for the list.`);
  } catch (error) {
    writeError(`${describe(error)}\n`);
    return error instanceof UsageError || isArgumentError(error) || error instanceof ZodError ? 2 : 1;
  }
}

async function done(work: Promise<void>): Promise<number> {
  await work;
  return 0;
}

/** A setting or option refused by its schema names the field and the rule, one per line. */
function describe(error: unknown): string {
  if (error instanceof ZodError) return error.issues.map((issue) => issue.message).join("\n");
  return errorMessage(error);
}

/** node:util's parseArgs refuses unknown options and missing values with these codes. */
function isArgumentError(error: unknown): boolean {
  return error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("ERR_PARSE_ARGS");
}
