import type { DailyStat } from "@offerkit/sdk";
import { useId } from "react";

/** Every number the chart draws, per day, ref tag and product, with the totals. */
export function StatsTable({ rows, title }: { rows: DailyStat[]; title: string }) {
  const clicks = rows.reduce((sum, row) => sum + row.clicks, 0);
  const conversions = rows.reduce((sum, row) => sum + row.conversions, 0);
  const titleId = useId();
  return (
    <>
      <h3 id={titleId} className="table-title">
        {title}
      </h3>
      {/* Focusable so that keyboard users can scroll it sideways on a narrow screen. */}
      <div className="table-wrap" role="region" aria-labelledby={titleId} tabIndex={0}>
        <table className="stats-table stack-narrow" aria-labelledby={titleId}>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">Ref tag</th>
              <th scope="col">Product (ASIN)</th>
              <th scope="col" className="number">
                Clicks
              </th>
              <th scope="col" className="number">
                Conversions
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.day} ${row.refTag} ${row.asin}`}>
                <td className="nowrap">{row.day}</td>
                <td data-label="Ref tag" className="mono">
                  {row.refTag}
                </td>
                <td data-label="ASIN" className="mono">
                  {row.asin}
                </td>
                <td data-label="Clicks" className="number">
                  {row.clicks}
                </td>
                <td data-label="Conversions" className="number">
                  {row.conversions}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td data-label="Clicks" className="number">
                {clicks}
              </td>
              <td data-label="Conversions" className="number">
                {conversions}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
