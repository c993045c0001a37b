import type { ReportResult } from "@offerkit/sdk";
import { useState, type FormEvent } from "react";
import { saveFile } from "../../download";
import { fieldErrorsOf } from "../../errors";
import type { Session } from "../../session";
import { ErrorNote, Field, Loading, describedBy } from "../../ui";
import { useAsync } from "../../use-async";
import { utcToday } from "./utc-days";

/** The daily and weekly ref-tag reports made on a chosen day, as the CSV files the server names. */
export function ReportDownloads({ session }: { session: Session }) {
  const [date, setDate] = useState(utcToday);
  const [draft, setDraft] = useState(date);
  const reports = useAsync(async () => {
    const [daily, weekly] = await Promise.all([session.client.reports.daily({ date }), session.client.reports.weekly({ date })]);
    return { daily, weekly };
  }, [session, date]);
  const dateError = reports.status === "error" ? fieldErrorsOf(reports.error).date : undefined;

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (draft === date) reports.reload();
    else setDate(draft);
  };

  return (
    <section aria-labelledby="reports-heading" className="panel">
      <h2 id="reports-heading">Ref-tag reports</h2>
      <form className="filters" onSubmit={check}>
        <Field id="report-date" label="Report date (UTC)" hint="A daily report covers the day before; a weekly one the 7 days before." error={dateError}>
          <input type="date" value={draft} onChange={(event) => setDraft(event.target.value)} {...describedBy("report-date", dateError, true)} />
        </Field>
        <div className="field">
          <button type="submit">Check reports</button>
        </div>
      </form>
      {reports.status === "loading" && <Loading what="the reports" />}
      {reports.status === "error" && !dateError && <ErrorNote error={reports.error} onRetry={reports.reload} />}
      {reports.status === "done" && (
        <div className="report-cards">
          <ReportCard title="Daily report" note="Per ref tag and product: clicks, conversions, estimated usage and revenue." report={reports.data.daily} />
          <ReportCard title="Weekly report" note="Per online-ad (ads_) or partner (_ptnr_) tag and product (ASIN): clicks and conversions." report={reports.data.weekly} />
        </div>
      )}
    </section>
  );
}

function ReportCard({ title, note, report }: { title: string; note: string; report: ReportResult }) {
  const { from, to } = report.period;
  return (
    <div className="report-card">
      <h3>{title}</h3>
      <p className="muted small">
        {from === to ? `Covers ${from}.` : `Covers ${from} to ${to}.`} {note}
      </p>
      {report.available ? (
        <>
          <p>
            {report.rows} {report.rows === 1 ? "row" : "rows"}
          </p>
          <button type="button" onClick={() => saveFile(report.fileName, new Blob([report.csv], { type: "text/csv;charset=utf-8" }))}>
            Download <span className="mono">{report.fileName}</span>
          </button>
        </>
      ) : (
        <p className="no-report">{report.reason}.</p>
      )}
    </div>
  );
}
