import { Link } from "../../router";
import { can, type Session } from "../../session";
import { AsyncView, Empty } from "../../ui";
import { useAsync } from "../../use-async";
import { EndpointAlerts, EndpointStatePill } from "./endpoint-status";
import { inFormOrder } from "./event-types";

/** The seller's webhook endpoints: where each sends, what, and whether it works. */
export function WebhookListPage({ session }: { session: Session }) {
  const endpoints = useAsync(() => session.client.webhooks.list(), [session]);
  const writable = can(session, "webhooks:write");
  return (
    <section aria-labelledby="webhooks-heading">
      <div className="page-head">
        <h1 id="webhooks-heading">Webhooks</h1>
        {writable && (
          <Link to="/webhooks/new" className="button primary">
            Add endpoint
          </Link>
        )}
      </div>
      <p className="muted">
        Offerkit POSTs each event to the endpoints that asked for its type, signed with the endpoint's secret (Standard Webhooks), and retries a failed delivery for up to
        three days.
      </p>
      {!writable && <p className="muted">This API key can see endpoints and their deliveries but not change, test or replay them: that needs the webhooks:write scope.</p>}
      <AsyncView state={endpoints} what="webhook endpoints">
        {(items) =>
          items.length === 0 ? (
            <Empty>
              No webhook endpoints yet.{" "}
              {writable ? (
                <>
                  <Link to="/webhooks/new">Add the first one</Link> to hear about offers, agreements and contacts as they happen.
                </>
              ) : (
                "Ask someone with the webhooks:write scope to add one."
              )}
            </Empty>
          ) : (
            <div className="table-wrap">
              <table className="stack-narrow webhooks-table">
                <thead>
                  <tr>
                    <th scope="col">Endpoint</th>
                    <th scope="col">Event types</th>
                    <th scope="col">State</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((endpoint) => (
                    <tr key={endpoint.id}>
                      <td>
                        <Link to={`/webhooks/${endpoint.id}`} className="webhook-url">
                          {endpoint.url}
                        </Link>
                        {endpoint.description && <div className="muted small">{endpoint.description}</div>}
                      </td>
                      <td data-label="Event types">
                        {/* One box per cell: on a phone the cell is a two-column grid, label and value. */}
                        <div>
                          <div>
                            {endpoint.eventTypes.length} {endpoint.eventTypes.length === 1 ? "type" : "types"}
                          </div>
                          <span className="scope-tags">
                            {inFormOrder(endpoint.eventTypes).map((type) => (
                              <span key={type} className="tag mono">
                                {type}
                              </span>
                            ))}
                          </span>
                        </div>
                      </td>
                      <td data-label="State" className="state-cell">
                        <div>
                          <EndpointStatePill endpoint={endpoint} />
                          <EndpointAlerts session={session} endpoint={endpoint} onEnabled={writable ? endpoints.reload : undefined} />
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </AsyncView>
    </section>
  );
}
