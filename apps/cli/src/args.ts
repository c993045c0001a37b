import { parseArgs, type ParseArgsConfig } from "node:util";
import { errorMessage, UsageError } from "./errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Flags every command takes. */
export const commonOptions = {
  url: { type: "string" },
  "api-key": { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const satisfies Options;

/** Whether the arguments ask for help; flags after `--` are arguments, not requests. */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  const flags = end === -1 ? args : args.slice(0, end);
  return flags.includes("--help") || flags.includes("-h");
}

function flagOf(message: string): string {
  return /'(-[^' ]+)/.exec(message)?.[1] ?? "";
}

/** node:util's wording is long and suggests `--` tricks; a CLI user needs the flag and the fix. */
function usageMessage(error: unknown): string {
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  const message = errorMessage(error);
  const flag = flagOf(message);
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return `unknown flag ${flag}`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return message.includes("does not take an argument") ? `${flag} takes no value` : `${flag} needs a value`;
  }
  return message;
}

/**
 * Parses one command's arguments strictly, with the common flags added. `command` is the
 * command's name (`offers create`), for the hint printed with a mistake.
 */
export function parseCommandArgs<const O extends Options>(args: readonly string[], options: O, command: string) {
  try {
    return parseArgs({ args, options: { ...commonOptions, ...options }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(usageMessage(error), command);
  }
}

/** The single argument a command takes (`offers show <id>`): none or more is a usage error. */
export function onePositional(given: readonly string[], name: string, command: string): string {
  const [first, extra] = given;
  if (first === undefined) throw new UsageError(`missing ${name}`, command);
  if (extra !== undefined) throw new UsageError(`unexpected argument ${extra}`, command);
  return first;
}

export function noPositionals(given: readonly string[], command: string): void {
  const [extra] = given;
  if (extra !== undefined) throw new UsageError(`unexpected argument ${extra}`, command);
}

/** The value of a number flag, as a whole number of at least 1. */
export function positiveInteger(value: string | undefined, flag: string, command: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new UsageError(`${flag} takes a whole number of at least 1, not ${value}`, command);
  return Number(value);
}
