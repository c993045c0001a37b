import { call, type ClientContext } from "../context";
import type { ReportsResource } from "../types/reports";

/** The daily and weekly ref-tag reports, as CSV text. */
export function reportsResource({ trpc }: ClientContext): ReportsResource {
  return {
    daily: (input) => call(() => trpc.reports.daily.query(input)),
    weekly: (input) => call(() => trpc.reports.weekly.query(input)),
  };
}
