import type { FieldErrors } from "../../errors";

/**
 * A `datetime-local` value (`2027-01-20T14:05`, seconds optional) read as UTC, whatever the
 * browser's time zone: the form says so beside the fields, so two people replaying the same range
 * from two time zones send the same instants. Null when it is not such a value.
 */
export function utcInstantOf(local: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(local.trim());
  if (!match) return null;
  const instant = `${match[1]}T${match[2]}${match[3] ?? ":00"}.000Z`;
  return Number.isNaN(Date.parse(instant)) ? null : instant;
}

/** The replay range as the API takes it, or what is wrong with it, keyed by field. */
export function replayRangeOf(since: string, until: string): { since: string; until: string } | { errors: FieldErrors } {
  const from = utcInstantOf(since);
  const to = utcInstantOf(until);
  const errors: FieldErrors = {
    ...(from === null && { since: "Choose the first day and time to send again" }),
    ...(to === null && { until: "Choose the day and time to stop at" }),
  };
  if (from === null || to === null) return { errors };
  if (Date.parse(from) >= Date.parse(to)) return { errors: { until: "The end comes after the start" } };
  return { since: from, until: to };
}

/** An instant as a `datetime-local` value in UTC, to the minute (the form's defaults). */
export function localValueOf(instant: Date): string {
  return instant.toISOString().slice(0, 16);
}
