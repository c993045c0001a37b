const DAY_MS = 86_400_000;

/** Today's date in UTC, `YYYY-MM-DD`: stats and reports count UTC days. */
export function utcToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The UTC date `days` after `date` (before, when negative). */
export function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included; empty when the range is backwards or not dates. */
export function daysFrom(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return [];
  const days: string[] = [];
  for (let at = start; at <= end; at += DAY_MS) days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}
