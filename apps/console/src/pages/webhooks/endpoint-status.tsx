import type { WebhookEndpointView } from "@offerkit/sdk";
import type { Session } from "../../session";
import { ErrorNote } from "../../ui";
import { useAction } from "../../use-action";
import { utcMinute } from "../../utc-minute";

/** Enabled, disabled by the seller, or disabled by Offerkit: the last one is the one to act on. */
export function EndpointStatePill({ endpoint }: { endpoint: WebhookEndpointView }) {
  if (endpoint.enabled) return <span className={endpoint.failingSince ? "pill pill-failing" : "pill pill-accepted"}>{endpoint.failingSince ? "Enabled, failing" : "Enabled"}</span>;
  return <span className="pill pill-disabled">{endpoint.disabledReason ? "Disabled by Offerkit" : "Disabled"}</span>;
}

/**
 * What needs a person: Offerkit disabled the endpoint (why and when, and a way to enable it
 * again), or every delivery has failed for a while. `onEnabled` offers the button; without it the
 * page shows its own.
 */
export function EndpointAlerts({ session, endpoint, onEnabled }: { session: Session; endpoint: WebhookEndpointView; onEnabled?: (() => void) | undefined }) {
  return (
    <>
      {endpoint.disabledReason && (
        <div className="webhook-alert webhook-disabled">
          <p>
            <strong>Offerkit disabled this endpoint{endpoint.disabledAt && ` on ${utcMinute(endpoint.disabledAt)}`}:</strong> {endpoint.disabledReason}
          </p>
          <p className="small">It receives no new events while disabled. Enabling it again resumes its pending deliveries; replay a time range from its page for what it missed.</p>
          {onEnabled && <EnableAgainButton session={session} endpoint={endpoint} onEnabled={onEnabled} />}
        </div>
      )}
      {endpoint.enabled && endpoint.failingSince && (
        <p className="webhook-alert webhook-failing">
          <strong>Failing since {utcMinute(endpoint.failingSince)}:</strong> no delivery has succeeded since then. Offerkit keeps retrying, and disables the endpoint if it
          goes on failing.
        </p>
      )}
    </>
  );
}

function EnableAgainButton({ session, endpoint, onEnabled }: { session: Session; endpoint: WebhookEndpointView; onEnabled: () => void }) {
  const { busy, failure, run } = useAction();
  const enable = () =>
    run(async () => {
      await session.client.webhooks.update({ endpointId: endpoint.id, enabled: true });
      onEnabled();
    });
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void enable()}>
        Enable again<span className="visually-hidden"> {endpoint.description || endpoint.url}</span>
      </button>
      {failure !== undefined && <ErrorNote error={failure} />}
    </>
  );
}
