import type { Command } from "./command";

/** `offerkit --help`: every command with its synopsis, so the list is never out of date. */
export function overview(commands: readonly Command[]): string {
  const lines = commands.map((command) => `  offerkit ${command.name} ${command.synopsis}\n      ${command.summary}`);
  return `offerkit: private offers from a terminal, on an Offerkit server.

Usage: offerkit <command> [flags]

Commands:
${lines.join("\n")}
  offerkit help [command]
      Show this list, or a command's help: offerkit help offers create

Flags for every command:
  --url <url>        The Offerkit server, e.g. http://127.0.0.1:3000 (or OFFERKIT_URL)
  --api-key <key>    A seller API key (or OFFERKIT_API_KEY)
  --json             Print the API's JSON instead of text
  -h, --help         Show the command's help

Exit codes: 0 success; 1 the API refused or failed (webhooks test: or the endpoint did not
take the test event); 2 a usage error.
Run offerkit <command> --help for a command's flags and examples.
`;
}

/** `offerkit offers --help`: the commands of one group. */
export function groupHelp(group: string, commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: offerkit ${group} <command> [flags]

Commands:
${lines.join("\n")}

Run offerkit ${group} <command> --help for a command's flags and examples.
`;
}
