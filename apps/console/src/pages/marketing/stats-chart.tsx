import { useId } from "react";
import type { DayTotal } from "./stats-series";
import { useWidth } from "./use-width";

const HEIGHT = 220;
const MARGIN = { top: 12, right: 8, bottom: 36, left: 44 };
/** Below this many pixels per day, only every few days get a label, so labels never overlap. */
const LABEL_PX = 44;

/** A round axis top and step (1, 2 or 5 times a power of ten) for counts up to `max`. */
export function axisScale(max: number): { top: number; step: number } {
  const rough = Math.max(max, 1) / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? power * 10);
  return { top: step * Math.ceil(Math.max(max, 1) / step), step };
}

/**
 * Clicks and conversions per day as grouped bars, drawn by hand to keep the console small.
 * It is one image to assistive technology, summed up in its label; the table beside it carries
 * every number.
 */
export function StatsChart({ totals, summary }: { totals: DayTotal[]; summary: string }) {
  const { ref, width } = useWidth<HTMLDivElement>(640);
  const titleId = useId();
  const plotWidth = Math.max(width - MARGIN.left - MARGIN.right, 10);
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const { top, step } = axisScale(Math.max(0, ...totals.map((total) => Math.max(total.clicks, total.conversions))));
  const slot = plotWidth / Math.max(totals.length, 1);
  const bar = Math.max(Math.min(slot * 0.36, 28), 1);
  const labelEvery = Math.ceil(LABEL_PX / slot);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);

  return (
    <div className="chart" ref={ref}>
      <svg role="img" aria-labelledby={titleId} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`}>
        <title id={titleId}>{summary}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="chart-grid" x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(tick)} y2={y(tick)} />
            <text className="chart-label" x={MARGIN.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {totals.map((total, index) => {
          const center = MARGIN.left + slot * index + slot / 2;
          return (
            <g key={total.day}>
              <rect className="chart-clicks" x={center - bar} y={y(total.clicks)} width={bar} height={y(0) - y(total.clicks)}>
                <title>{`${total.day}: ${total.clicks} clicks`}</title>
              </rect>
              <rect className="chart-conversions" x={center} y={y(total.conversions)} width={bar} height={y(0) - y(total.conversions)}>
                <title>{`${total.day}: ${total.conversions} conversions`}</title>
              </rect>
              {index % labelEvery === 0 && (
                <text className="chart-label" x={center} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle">
                  {total.day.slice(5)}
                </text>
              )}
            </g>
          );
        })}
        <line className="chart-axis" x1={MARGIN.left} x2={MARGIN.left + plotWidth} y1={y(0)} y2={y(0)} />
      </svg>
      <p className="chart-legend" aria-hidden="true">
        <span className="legend-clicks">Clicks</span>
        <span className="legend-conversions">Conversions</span>
        <span className="muted">Days are UTC, shown as month-day.</span>
      </p>
    </div>
  );
}
