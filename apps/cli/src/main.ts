import { createInterface } from "node:readline/promises";
import { isOfferkitError } from "@offerkit/sdk";
import { describeApiError } from "./api-error";
import { wantsHelp } from "./args";
import type { Command, Io } from "./command";
import { offersCopy } from "./commands/offers-copy";
import { offersCreate } from "./commands/offers-create";
import { offersList } from "./commands/offers-list";
import { offersRepublish } from "./commands/offers-republish";
import { offersSend } from "./commands/offers-send";
import { offersShow } from "./commands/offers-show";
import { productsList } from "./commands/products-list";
import { productsCreate, productsUpdate } from "./commands/products-write";
import { offersUpdate } from "./commands/offers-update";
import { offersDelete } from "./commands/offers-delete";
import { keysCreate, keysList, keysRevoke } from "./commands/keys";
import { buyersInvite } from "./commands/buyers-invite";
import { linksBuild } from "./commands/links-build";
import { reportsDaily, reportsWeekly } from "./commands/reports";
import { webhooksCreate } from "./commands/webhooks-create";
import { webhooksDelete } from "./commands/webhooks-delete";
import { webhooksDeliveries } from "./commands/webhooks-deliveries";
import { webhooksList, webhooksShow } from "./commands/webhooks-list";
import { webhooksReplay } from "./commands/webhooks-replay";
import { webhooksRotateSecret } from "./commands/webhooks-rotate-secret";
import { webhooksTest } from "./commands/webhooks-test";
import { webhooksUpdate } from "./commands/webhooks-update";
import { ApiFailure, errorMessage, UsageError } from "./errors";
import { groupHelp, overview } from "./help";
import { WebhookNotDelivered } from "./webhook-not-delivered";

const commands: readonly Command[] = [
  productsList,
  productsCreate,
  productsUpdate,
  offersCreate,
  offersUpdate,
  offersSend,
  offersRepublish,
  offersList,
  offersShow,
  offersCopy,
  offersDelete,
  buyersInvite,
  keysCreate,
  keysList,
  keysRevoke,
  linksBuild,
  reportsDaily,
  reportsWeekly,
  webhooksList,
  webhooksShow,
  webhooksCreate,
  webhooksUpdate,
  webhooksDelete,
  webhooksRotateSecret,
  webhooksTest,
  webhooksDeliveries,
  webhooksReplay,
];

function inGroup(group: string): Command[] {
  return commands.filter((command) => command.name.startsWith(`${group} `));
}

/** `offerkit help [words...]`: the overview, a group's commands or one command's help. */
function helpFor(words: readonly string[]): string {
  const name = words.join(" ");
  if (name === "") return overview(commands);
  const command = commands.find((candidate) => candidate.name === name);
  if (command) return command.help;
  const group = inGroup(name);
  if (group.length > 0) return groupHelp(name, group);
  throw new UsageError(`unknown command "${name}"`, "");
}

async function dispatch(argv: readonly string[], io: Io): Promise<void> {
  const [first, second] = argv;
  if (first === undefined) throw new UsageError("missing command", "");
  if (first === "--help" || first === "-h") return io.write(overview(commands));
  if (first === "help") return io.write(helpFor(argv.slice(1)));
  if (first.startsWith("-")) throw new UsageError(`unknown flag ${first} (flags follow the command)`, "");
  const group = inGroup(first);
  if (group.length === 0) throw new UsageError(`unknown command "${first}"`, "");
  if (second === undefined || second.startsWith("-")) {
    if (wantsHelp(argv.slice(1))) return io.write(groupHelp(first, group));
    const names = group.map((command) => command.name.slice(first.length + 1)).join(", ");
    throw new UsageError(`missing ${first} command: one of ${names}`, first);
  }
  const command = group.find((candidate) => candidate.name === `${first} ${second}`);
  if (command === undefined) throw new UsageError(`unknown command "${first} ${second}"`, first);
  const args = argv.slice(2);
  if (wantsHelp(args)) return io.write(command.help);
  await command.run(args, io);
}

/** Runs one invocation; the exit code tells scripts who is at fault: 1 the API, 2 the caller. */
async function main(argv: readonly string[], io: Io, writeError: (text: string) => void): Promise<number> {
  try {
    await dispatch(argv, io);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = error.helpFor === null ? "" : `Run offerkit ${error.helpFor === "" ? "" : `${error.helpFor} `}--help\n`;
      const details = error.details.map((detail) => `  ${detail}\n`).join("");
      writeError(`offerkit: ${error.message}\n${details}${hint}`);
      return 2;
    }
    if (error instanceof ApiFailure) {
      writeError(`offerkit: ${describeApiError(error.error).join("\n")}\n${error.note}\n`);
      return 1;
    }
    if (error instanceof WebhookNotDelivered) {
      writeError(`offerkit: ${error.message}\n`);
      return 1;
    }
    if (isOfferkitError(error)) {
      writeError(`offerkit: ${describeApiError(error).join("\n")}\n`);
      return 1;
    }
    // A bug of ours still gets one line: a stack trace tells a sales rep nothing.
    writeError(`offerkit: INTERNAL: ${errorMessage(error)}\n`);
    return 1;
  }
}

// A reader that stops early (`offerkit offers list | head`) is no error worth a trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  process.exit(error.code === "EPIPE" ? 0 : 1);
});

/** A yes only when typed: an empty answer or anything else keeps what would be lost. */
async function confirm(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

const io: Io = { write: (text) => process.stdout.write(text), writeError: (text) => process.stderr.write(text), env: process.env, cwd: process.cwd() };
if (process.stdin.isTTY && process.stderr.isTTY) io.confirm = confirm;

process.exitCode = await main(process.argv.slice(2), io, (text) => process.stderr.write(text));
