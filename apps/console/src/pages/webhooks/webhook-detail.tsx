import { useState } from "react";
import { Link } from "../../router";
import { can, type Session } from "../../session";
import { AsyncView, CopyButton, ShortId, Term } from "../../ui";
import { useAsync } from "../../use-async";
import { utcMinute } from "../../utc-minute";
import { DeliveryLog } from "./delivery-log";
import { EndpointActions } from "./endpoint-actions";
import { EndpointForm } from "./endpoint-form";
import { endpointFormOf, updateInputOf } from "./endpoint-form-values";
import { EndpointAlerts, EndpointStatePill } from "./endpoint-status";
import { WEBHOOK_EVENT_DESCRIPTIONS, inFormOrder } from "./event-types";
import { RotateSecret } from "./rotate-secret";
import { SendTestEvent } from "./test-event";

/** One endpoint: what it receives, a test, its delivery log and replays, its settings and secret. */
export function WebhookEndpointPage({ session, endpointId }: { session: Session; endpointId: string }) {
  const endpoint = useAsync(() => session.client.webhooks.get({ endpointId }), [session, endpointId]);
  const writable = can(session, "webhooks:write");
  // A test sent or an endpoint enabled shows in the log at once.
  const [generation, setGeneration] = useState(0);
  const changed = () => {
    endpoint.reload();
    setGeneration((value) => value + 1);
  };
  const [saved, setSaved] = useState(false);
  return (
    <section aria-labelledby="webhook-heading">
      <p>
        <Link to="/webhooks">All endpoints</Link>
      </p>
      <AsyncView state={endpoint} what="the endpoint">
        {(loaded) => (
          <>
            <div className="page-head">
              <h1 id="webhook-heading">{loaded.description || "Webhook endpoint"}</h1>
              <EndpointStatePill endpoint={loaded} />
            </div>
            <EndpointAlerts session={session} endpoint={loaded} />
            <dl className="terms">
              <Term
                label="URL"
                value={
                  <span className="copy-inline">
                    <span className="webhook-url mono">{loaded.url}</span> <CopyButton text={loaded.url} more="URL" />
                  </span>
                }
              />
              <Term label="Endpoint ID" value={<ShortId value={loaded.id} label="endpoint ID" />} />
              <Term
                label={`Event types (${loaded.eventTypes.length})`}
                value={
                  <span className="scope-tags">
                    {inFormOrder(loaded.eventTypes).map((type) => (
                      <span key={type} className="tag mono" title={WEBHOOK_EVENT_DESCRIPTIONS[type]}>
                        {type}
                      </span>
                    ))}
                  </span>
                }
              />
              <Term label="Support contacts' details" value={loaded.includeContactDetails ? "Sent with contact events" : "Not sent"} />
              {loaded.previousSecretExpiresAt && <Term label="Old secret signs until" value={utcMinute(loaded.previousSecretExpiresAt)} />}
              <Term label="Added" value={utcMinute(loaded.createdAt)} />
            </dl>
            {writable ? (
              <>
                <SendTestEvent session={session} endpointId={loaded.id} onSent={changed} />
                <EndpointActions session={session} endpoint={loaded} onChanged={changed} />
              </>
            ) : (
              <p className="muted">Testing, changing and replaying need the webhooks:write scope, which this API key does not have.</p>
            )}
            <DeliveryLog session={session} endpointId={loaded.id} writable={writable} generation={generation} />
            {writable && (
              <>
                <section className="panel" aria-labelledby="edit-endpoint-heading">
                  <h2 id="edit-endpoint-heading">Edit endpoint</h2>
                  {saved && (
                    <p className="ok-note" role="status">
                      Changes saved.
                    </p>
                  )}
                  <EndpointForm
                    key={loaded.id}
                    initial={endpointFormOf(loaded)}
                    submitLabel="Save changes"
                    busyLabel="Saving..."
                    onSubmit={async (values) => {
                      setSaved(false);
                      await session.client.webhooks.update(updateInputOf(loaded.id, values));
                      setSaved(true);
                      endpoint.reload();
                    }}
                  />
                </section>
                <RotateSecret session={session} endpointId={loaded.id} onRotated={endpoint.reload} />
              </>
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}
