import type { MarketingChange, MarketingSummary } from "@offerkit/sdk";
import { useId } from "react";
import { money } from "../../money";

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
      value: money(totals.estimatedRevenue),
      change: percentChange(totals.change.estimatedRevenuePercent, totals.estimatedRevenue),
      previous: money(totals.previous.estimatedRevenue),
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
        <table className="summary-table stack-narrow" aria-labelledby={titleId}>
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
                <td data-label="ASIN" className="mono">
                  {row.asin}
                </td>
                <td data-label="Clicks" className="number">
                  {row.clicks}
                </td>
                <td data-label="Conversions" className="number">
                  {row.conversions}
                </td>
                <td data-label="Conversion rate" className="number">
                  {rate(row.conversionRate)}
                </td>
                <td data-label="Estimated revenue" className="number">
                  {money(row.estimatedRevenue)}
                </td>
                <td data-label="Clicks vs previous" className="number">
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
              <td data-label="Clicks" className="number">
                {totals.clicks}
              </td>
              <td data-label="Conversions" className="number">
                {totals.conversions}
              </td>
              <td data-label="Conversion rate" className="number">
                {rate(totals.conversionRate)}
              </td>
              <td data-label="Estimated revenue" className="number">
                {money(totals.estimatedRevenue)}
              </td>
              <td data-label="Clicks vs previous" className="number">
                <Change change={totals.change} clicks={totals.clicks} />
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
