/** An instant as its UTC date and minute ("2027-01-20 14:05 UTC"), the same for every reader whatever their time zone. */
export function utcMinute(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;
}
