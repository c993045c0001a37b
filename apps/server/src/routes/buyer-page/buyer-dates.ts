import { endOfUtcDay, type AgreementTerm } from "@offerkit/core";

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** "31 March 2027", the UTC day. */
export function formatDay(date: string | Date): string {
  const instant = typeof date === "string" ? new Date(`${date.slice(0, 10)}T00:00:00Z`) : date;
  return instant.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** How long a buyer still has until the deadline's last second, in the largest unit that says it. */
export function timeLeft(deadline: string, now: Date): string {
  const left = endOfUtcDay(deadline).getTime() - now.getTime();
  if (left <= 0) return "no time left";
  if (left >= 2 * DAY_MS) return `${Math.floor(left / DAY_MS)} days left`;
  if (left >= 2 * HOUR_MS) return `${Math.floor(left / HOUR_MS)} hours left`;
  return left >= HOUR_MS ? "about an hour left" : "less than an hour left";
}

/** "36 months from the day you accept", "365 days ...", or "until 31 March 2028". */
export function agreementLength(agreement: AgreementTerm): string {
  if (agreement.kind === "endDate") return `from the day you accept until ${formatDay(agreement.endDate)}`;
  const amount = Number(agreement.duration.slice(1, -1));
  const unit = agreement.duration.endsWith("M") ? (amount === 1 ? "month" : "months") : amount === 1 ? "day" : "days";
  return `${amount} ${unit} from the day you accept`;
}
