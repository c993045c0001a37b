import { useState, type FormEvent } from "react";
import type { Session } from "../../session";
import { ErrorNote, Field, describedBy } from "../../ui";
import { useFormAction } from "../../use-action";
import { localValueOf, replayRangeOf } from "./utc-range";

const HOUR = 60 * 60 * 1000;

/** Every event of the endpoint's types in a time range, sent again (after an outage on the receiving side). */
export function ReplayRange({ session, endpointId, onQueued }: { session: Session; endpointId: string; onQueued: (count: number, what: string) => void }) {
  // The last day by default: the usual question is "what did we miss since yesterday".
  const [since, setSince] = useState(() => localValueOf(new Date(Date.now() - 24 * HOUR)));
  const [until, setUntil] = useState(() => localValueOf(new Date(Date.now() + 60 * 1000)));
  const { busy, failure, errors, refuse, submit: send } = useFormAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const range = replayRangeOf(since, until);
    if ("errors" in range) return refuse(range.errors);
    await send(async () => {
      const { queued } = await session.client.webhooks.replay({ endpointId, ...range });
      onQueued(queued, `from ${since.replace("T", " ")} to ${until.replace("T", " ")} UTC`);
    });
  };
  return (
    <div className="replay-range">
      <h3 id="replay-range-heading">Replay a time range</h3>
      <p className="muted">Sends again every event of this endpoint's types that happened in the range, with its own ID, so a receiver that deduplicates keeps one copy.</p>
      <form onSubmit={submit} noValidate className="inline-form" aria-labelledby="replay-range-heading">
        <Field id="replay-since" label="From (UTC)" error={errors.since}>
          <input {...describedBy("replay-since", errors.since)} type="datetime-local" value={since} onChange={(event) => setSince(event.target.value)} />
        </Field>
        <Field id="replay-until" label="Until (UTC)" error={errors.until}>
          <input {...describedBy("replay-until", errors.until)} type="datetime-local" value={until} onChange={(event) => setUntil(event.target.value)} />
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? "Queueing..." : "Replay range"}
        </button>
      </form>
      {failure !== undefined && <ErrorNote error={failure} />}
    </div>
  );
}
