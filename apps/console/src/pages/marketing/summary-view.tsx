import type { MarketingChange, MarketingSummary } from "@offerkit/sdk";
import { useId } from "react";

/** "1350.49" -> "$1,350.49": regrouped as text, never turned into a number. */
export function usd(amount: string): string {
  const negative = amount.startsWith("-");
  const [whole = "0", fraction = "00"] = (negative ? amount.slice(1) : amount).split(".");
  return `${negative ? "-" : ""}$${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction}`;
}

/** "+25.0" -> "+25.0%"; no previous number to compare with: "new". */
function percentChange(value: string | null, now: number | string): string {
  if (value !== null) return `${value}%`;
  return now === 0 || now === "0.00" ? "no change" : "new";
}

function rate(value: string | null): string {
  return value === null ? "none" : `${value}%`;
}

/** The four numbers a marketer reads first, each against the previous period of the same length. */
function Totals({ summary }: { summary: MarketingSummary }) {
  const { totals } = summary;
  const against = `vs ${summary.previousPeriod.from} to ${summary.previousPeriod.to}`;
  const cards: { label: string; value: string; change: string; previous: string }[] = [
    { label: "Clicks", value: String(totals.clicks), change: percentChange(totals.change.clicksPercent, totals.clicks), previous: String(totals.previous.clicks) },
    { label: "Conversions", value: String(totals.conversions), change: percentChange(totals.change.conversionsPercent, totals.conversions), previous: String(totals.previous.conversions) },
    { label: "Conversion rate", value: rate(totals.conversionRate), change: "", previous: rate(totals.previous.conversionRate) },
    {
      label: "Estimated revenue",
      value: usd(totals.estimatedRevenue),
      change: percentChange(totals.change.estimatedRevenuePercent, totals.estimatedRevenue),
      previous: usd(totals.previous.estimatedRevenue),
    },
  ];
  return (
    <dl className="summary-cards">
      {cards.map((card) => (
        <div key={card.label} className="summary-card">
          <dt>{card.label}</dt>
          <dd className="summary-value">{card.value}</dd>
          <dd className="summary-change muted">
            {card.change ? `${card.change} ` : ""}
            {against}: {card.previous}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Change({ change, clicks }: { change: MarketingChange; clicks: number }) {
  const text = percentChange(change.clicksPercent, clicks);
  const tone = change.clicks > 0 ? "up" : change.clicks < 0 ? "down" : "";
  return <span className={tone ? `change-${tone}` : undefined}>{text}</span>;
}

/**
 * Per ref tag and product: clicks, conversions, conversion rate and estimated revenue, with the
 * totals and the change against the previous period of the same length (the server's numbers,
 * `marketing.summary`, as the API and SDK give them).
 */
export function SummaryView({ summary, scope }: { summary: MarketingSummary; scope: string }) {
  const titleId = useId();
  const { totals } = summary;
  return (
    <>
      <Totals summary={summary} />
      <h3 id={titleId} className="table-title">
        Per ref tag and product from {summary.period.from} to {summary.period.to}, {scope}
      </h3>
      {/* Focusable so that keyboard users can scroll it sideways on a narrow screen. */}
      <div className="table-wrap" role="region" aria-labelledby={titleId} tabIndex={0}>
        <table className="summary-table" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">Ref tag</th>
              <th scope="col">Product (ASIN)</th>
              <th scope="col" className="number">Clicks</th>
              <th scope="col" className="number">Conversions</th>
              <th scope="col" className="number">Conversion rate</th>
              <th scope="col" className="number">Estimated revenue</th>
              <th scope="col" className="number">Clicks vs previous</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={`${row.refTag} ${row.asin}`}>
                <td className="mono">{row.refTag}</td>
                <td className="mono">{row.asin}</td>
                <td className="number">{row.clicks}</td>
                <td className="number">{row.conversions}</td>
                <td className="number">{rate(row.conversionRate)}</td>
                <td className="number">{usd(row.estimatedRevenue)}</td>
                <td className="number">
                  <Change change={row.change} clicks={row.clicks} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td className="number">{totals.clicks}</td>
              <td className="number">{totals.conversions}</td>
              <td className="number">{rate(totals.conversionRate)}</td>
              <td className="number">{usd(totals.estimatedRevenue)}</td>
              <td className="number">
                <Change change={totals.change} clicks={totals.clicks} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
