import type { DailyStat } from "@offerkit/sdk";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf } from "../../errors";
import type { Session } from "../../session";
import { Empty, ErrorNote, Field, Loading, describedBy } from "../../ui";
import { useAsync } from "../../use-async";
import { StatsChart } from "./stats-chart";
import { activeRows, dailyTotals, tagsOf } from "./stats-series";
import { StatsTable } from "./stats-table";
import { SummaryView } from "./summary-view";
import { shiftDays, utcToday } from "./utc-days";

const DEFAULT_DAYS = 14;
/** One click for the ranges marketers compare most; each ends today (UTC). */
const QUICK_RANGES = [7, 30, 90] as const;

const lastDays = (days: number) => ({ from: shiftDays(utcToday(), 1 - days), to: utcToday() });

/**
 * Over a date range (the picker): per ref tag and product the numbers a marketer reads first,
 * with totals and the change against the previous period; then clicks and conversions per day,
 * as a chart and the table of every number it draws.
 */
export function ClickStats({ session }: { session: Session }) {
  const [range, setRange] = useState(() => lastDays(DEFAULT_DAYS));
  const [draft, setDraft] = useState(range);
  const [tag, setTag] = useState("");
  const stats = useAsync(() => session.client.marketing.stats(range), [session, range]);
  const summary = useAsync(() => session.client.marketing.summary(tag ? { ...range, refTag: tag } : range), [session, range, tag]);
  const fieldErrors = stats.status === "error" ? fieldErrorsOf(stats.error) : {};
  const rangeError = fieldErrors.from ?? fieldErrors.to;

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from === range.from && draft.to === range.to) {
      stats.reload();
      summary.reload();
    } else setRange(draft);
  };

  return (
    <section aria-labelledby="stats-heading" className="panel">
      <h2 id="stats-heading">Clicks and conversions</h2>
      <form className="filters" onSubmit={apply}>
        <Field id="stats-from" label="From (UTC)" error={fieldErrors.from}>
          <input type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} {...describedBy("stats-from", fieldErrors.from)} />
        </Field>
        <Field id="stats-to" label="To (UTC)" error={fieldErrors.to}>
          <input type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} {...describedBy("stats-to", fieldErrors.to)} />
        </Field>
        <div className="field">
          <button type="submit">Show</button>
        </div>
        <div className="field quick-ranges" role="group" aria-label="Quick ranges">
          {QUICK_RANGES.map((days) => (
            <button
              key={days}
              type="button"
              onClick={() => {
                setDraft(lastDays(days));
                setRange(lastDays(days));
              }}
            >
              Last {days} days
            </button>
          ))}
        </div>
        {stats.status === "done" && (
          <div className="field">
            <label htmlFor="stats-tag">Filter by ref tag</label>
            <select id="stats-tag" value={tag} onChange={(event) => setTag(event.target.value)}>
              <option value="">All tags</option>
              {tagsOf(stats.data).map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </div>
        )}
      </form>
      {stats.status === "loading" && <Loading what="clicks and conversions" />}
      {stats.status === "error" && !rangeError && <ErrorNote error={stats.error} onRetry={stats.reload} />}
      {stats.status === "done" && activeRows(stats.data, "").length > 0 && summary.status === "done" && (
        <SummaryView summary={summary.data} scope={tag ? `ref tag ${tag}` : "all ref tags"} />
      )}
      {stats.status === "done" && summary.status === "error" && <ErrorNote error={summary.error} onRetry={summary.reload} />}
      {stats.status === "done" && <StatsView stats={stats.data} from={range.from} to={range.to} tag={tagsOf(stats.data).includes(tag) ? tag : ""} />}
    </section>
  );
}

function StatsView({ stats, from, to, tag }: { stats: DailyStat[]; from: string; to: string; tag: string }) {
  const rows = activeRows(stats, tag);
  const scope = tag ? `ref tag ${tag}` : "all ref tags";
  if (rows.length === 0) {
    return (
      <Empty>
        No clicks from {from} to {to}. Share a tracked link from the builder above; each visitor's first visit of the day counts as a click.
      </Empty>
    );
  }
  const totals = dailyTotals(stats, from, to, tag);
  const clicks = totals.reduce((sum, day) => sum + day.clicks, 0);
  const conversions = totals.reduce((sum, day) => sum + day.conversions, 0);
  return (
    <>
      <h3 className="table-title">Per day</h3>
      <StatsChart
        totals={totals}
        summary={`Clicks and conversions per day from ${from} to ${to}, ${scope}: ${clicks} clicks and ${conversions} conversions in all. The table below lists every number.`}
      />
      <StatsTable rows={rows} title={`Days with activity from ${from} to ${to}, ${scope}`} />
    </>
  );
}
