/** An instant as its UTC date and second ("2027-01-20 14:05:09 UTC"): attempts a few seconds apart read apart. */
export function utcSecond(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 19)} UTC`;
}
