import type { WebhookAttemptView, WebhookDeliveryView } from "@offerkit/sdk";
import { useState } from "react";
import type { Session } from "../../session";
import { AsyncView, Empty, ErrorNote, ShortId } from "../../ui";
import { useAction } from "../../use-action";
import { utcMinute } from "../../utc-minute";
import { ReplayRange } from "./replay-range";
import { useDeliveryPages, type DeliveryState } from "./use-delivery-pages";
import { utcSecond } from "./utc-second";

const STATE_LABELS: Record<DeliveryState, string> = { pending: "Pending", delivered: "Delivered", failed: "Failed" };

/** Every delivery to the endpoint, newest first, with its attempts; each event can be sent again. */
export function DeliveryLog({ session, endpointId, writable, generation }: { session: Session; endpointId: string; writable: boolean; generation: number }) {
  const [state, setState] = useState<DeliveryState | "">("");
  // Own reloads (a replay, Refresh) on top of the page's (a test sent).
  const [ownGeneration, setOwnGeneration] = useState(0);
  const reload = () => setOwnGeneration((value) => value + 1);
  const [queued, setQueued] = useState<string | null>(null);
  const pages = useDeliveryPages(session, endpointId, state, generation + ownGeneration);
  const onQueued = (count: number, what: string) => {
    setQueued(count === 0 ? `Nothing to replay ${what}.` : `${count} ${count === 1 ? "delivery" : "deliveries"} queued ${what}; they show below as pending until sent.`);
    reload();
  };
  return (
    <section className="panel" aria-labelledby="deliveries-heading">
      <div className="page-head">
        <h2 id="deliveries-heading">Delivery log</h2>
        <div className="filters">
          <div>
            <label htmlFor="delivery-state">Show</label>
            <select id="delivery-state" value={state} onChange={(event) => setState(event.target.value === "" ? "" : (event.target.value as DeliveryState))}>
              <option value="">All deliveries</option>
              {Object.entries(STATE_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={reload}>
            Refresh
          </button>
        </div>
      </div>
      <p className="status-line" role="status">
        {queued}
      </p>
      <AsyncView state={pages.first} what="deliveries">
        {() =>
          pages.items.length === 0 ? (
            <Empty>{state === "" ? "No deliveries yet. Send a test event to see one here." : `No ${STATE_LABELS[state].toLowerCase()} deliveries.`}</Empty>
          ) : (
            <>
              <div className="table-wrap">
                <table className="stack-narrow deliveries-table">
                  <thead>
                    <tr>
                      <th scope="col">Event</th>
                      <th scope="col">State</th>
                      <th scope="col">Attempts</th>
                      <th scope="col">Next attempt</th>
                      {writable && (
                        <th scope="col">
                          <span className="visually-hidden">Actions</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {pages.items.map((delivery) => (
                      <DeliveryRow key={delivery.id} session={session} endpointId={endpointId} delivery={delivery} writable={writable} onQueued={onQueued} />
                    ))}
                  </tbody>
                </table>
              </div>
              {pages.hasMore && (
                <button type="button" disabled={pages.loadingMore} onClick={() => void pages.loadMore()}>
                  {pages.loadingMore ? "Loading..." : "Load more"}
                </button>
              )}
              {pages.moreFailure !== undefined && <ErrorNote error={pages.moreFailure} />}
            </>
          )
        }
      </AsyncView>
      {writable && <ReplayRange session={session} endpointId={endpointId} onQueued={onQueued} />}
    </section>
  );
}

interface DeliveryRowProps {
  session: Session;
  endpointId: string;
  delivery: WebhookDeliveryView;
  writable: boolean;
  onQueued: (count: number, what: string) => void;
}

function DeliveryRow({ session, endpointId, delivery, writable, onQueued }: DeliveryRowProps) {
  const { busy, failure, run } = useAction();
  const replay = () =>
    run(async () => {
      const { queued } = await session.client.webhooks.replay({ endpointId, eventId: delivery.eventId });
      onQueued(queued, `for event ${delivery.eventId}`);
    });
  return (
    <tr>
      <td>
        <span className="mono event-type">{delivery.eventType}</span>
        <div className="small">
          <ShortId value={delivery.eventId} label={`event ID ${delivery.eventId}`} />
        </div>
        <div className="muted small">{utcSecond(delivery.createdAt)}</div>
      </td>
      <td data-label="State">
        <div>
          <span className={`pill pill-delivery-${delivery.state}`}>{STATE_LABELS[delivery.state]}</span>
          {delivery.deliveredAt && <div className="muted small">{utcMinute(delivery.deliveredAt)}</div>}
        </div>
      </td>
      <td data-label="Attempts">
        <Attempts count={delivery.attempts} log={delivery.log} />
      </td>
      <td data-label="Next attempt">{delivery.nextAttemptAt ? utcMinute(delivery.nextAttemptAt) : <span className="muted">none</span>}</td>
      {writable && (
        <td>
          <button type="button" disabled={busy} onClick={() => void replay()}>
            {busy ? "Replaying..." : "Replay"}
            <span className="visually-hidden"> event {delivery.eventId}</span>
          </button>
          {failure !== undefined && <ErrorNote error={failure} />}
        </td>
      )}
    </tr>
  );
}

/**
 * The attempts, folded: the count reads at a glance, each attempt's answer is one click away. A
 * replay starts the server's count again while the log keeps every attempt: the log is counted,
 * and the attempts since the last replay are named when they differ.
 */
function Attempts({ count, log }: { count: number; log: readonly WebhookAttemptView[] }) {
  if (log.length === 0) return <>{count === 0 ? "none yet" : count}</>;
  return (
    <details className="attempts">
      <summary>
        {log.length} {log.length === 1 ? "attempt" : "attempts"}
        {log.length !== count && ` (${count} since replayed)`}
      </summary>
      <ol>
        {log.map((attempt) => (
          <li key={`${attempt.at}-${attempt.durationMs}`}>
            <div className="muted small">{utcSecond(attempt.at)}</div>
            <div>
              <strong>{attempt.status === null ? (attempt.error ?? "No answer") : `HTTP ${attempt.status}`}</strong> in {attempt.durationMs} ms
            </div>
            {attempt.response !== "" && <pre className="response-excerpt">{attempt.response}</pre>}
          </li>
        ))}
      </ol>
    </details>
  );
}
