import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportResult } from "@offerkit/sdk";
import { noPositionals, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { UsageError } from "../errors";
import { json } from "../output";

const options = { date: { type: "string" }, save: { type: "boolean" } } as const;

type Kind = "daily" | "weekly";

const about: Record<Kind, { covers: string; rows: string }> = {
  daily: {
    covers: "the UTC day before it",
    rows: "per ref tag and product (ASIN): clicks, conversions, estimated usage and revenue",
  },
  weekly: {
    covers: "the 7 UTC days before it",
    rows: "per online-ad (ads_) or partner (_ptnr_) tag and product (ASIN): clicks and the conversions from them, each row stating the period",
  },
};

/** `YYYY-MM-DD`: the report's own date, so the same command prints the same report whenever it runs. */
function reportDate(value: string | undefined, command: string): string {
  if (value === undefined) throw new UsageError("missing --date: the day the report is made, YYYY-MM-DD (UTC)", command);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`--date is a day written YYYY-MM-DD, not ${value}`, command);
  return value;
}

function reportCommand(kind: Kind): Command {
  const name = `reports ${kind}`;
  return {
    name,
    summary: `Print or save the ${kind} ref-tag report made on a day (CSV)`,
    synopsis: "--date YYYY-MM-DD [--save] [--json]",
    help: `Usage: offerkit ${name} --date YYYY-MM-DD [--save] [--json]

Prints the ${kind} ref-tag report made on a day, as the server's CSV: it covers ${about[kind].covers},
${about[kind].rows}. A period without activity has no report: the command says so on stderr
and prints nothing.

Flags:
  --date <day>       The day the report is made, UTC; a report dated after today is not made yet
  --save             Write the CSV under the server's file name in the current folder instead
  --json             Print the API's answer as JSON

Example:
  offerkit ${name} --date 2027-03-10 --save
`,
    async run(args, io) {
      const { values, positionals } = parseCommandArgs(args, options, name);
      noPositionals(positionals, name);
      const date = reportDate(values.date, name);
      const client = connect(values, io);
      const report: ReportResult = kind === "daily" ? await client.reports.daily({ date }) : await client.reports.weekly({ date });
      if (values.json) return io.write(json(report));
      if (!report.available) {
        io.writeError(`No report ${report.fileName}: ${report.reason}.\n`);
        return;
      }
      if (!values.save) return io.write(report.csv);
      writeFileSync(join(io.cwd, report.fileName), report.csv);
      io.write(`Saved ${report.fileName}: ${report.rows} ${report.rows === 1 ? "row" : "rows"}, ${report.period.from} to ${report.period.to}\n`);
    },
  };
}

export const reportsDaily = reportCommand("daily");
export const reportsWeekly = reportCommand("weekly");
