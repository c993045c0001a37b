/** Days and hours until the end of a UTC deadline day, in words; the day ends as the next one starts. */
export function timeLeft(deadline: string, now = new Date()): string {
  const left = Date.parse(`${deadline}T00:00:00Z`) + 86_400_000 - now.getTime();
  if (left <= 0) return "passed";
  const hours = Math.floor(left / 3_600_000);
  if (hours < 1) return "less than 1 h left";
  if (hours < 48) return `${hours} h left`;
  return `${Math.floor(hours / 24)} days left`;
}

/**
 * The acceptance deadline as a rep should read it: the day is the last one a buyer may accept,
 * through its final second in UTC, as AWS Marketplace's offer expiration date works.
 */
export function deadlineText(deadline: string, now = new Date()): string {
  const left = timeLeft(deadline, now);
  return left === "passed" ? `${deadline}, buyers could accept until 23:59:59 UTC (passed)` : `${deadline}, buyers can accept until 23:59:59 UTC (${left})`;
}
