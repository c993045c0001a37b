import type { WebhookEndpointView } from "@offerkit/sdk";
import type { Session } from "../../session";
import { ErrorNote } from "../../ui";
import { useAction } from "../../use-action";
import { DeleteEndpoint } from "./delete-endpoint";

/** Pause or resume an endpoint, or delete it. */
export function EndpointActions({ session, endpoint, onChanged }: { session: Session; endpoint: WebhookEndpointView; onChanged: () => void }) {
  const { busy, failure, run } = useAction();
  const setEnabled = (enabled: boolean) =>
    run(async () => {
      await session.client.webhooks.update({ endpointId: endpoint.id, enabled });
      onChanged();
    });
  return (
    <>
      <div className="actions">
        {endpoint.enabled ? (
          <button type="button" disabled={busy} onClick={() => void setEnabled(false)}>
            Disable endpoint
          </button>
        ) : (
          <button type="button" className={endpoint.disabledReason ? "primary" : undefined} disabled={busy} onClick={() => void setEnabled(true)}>
            {endpoint.disabledReason ? "Enable again" : "Enable endpoint"}
          </button>
        )}
        <DeleteEndpoint session={session} endpointId={endpoint.id} />
      </div>
      {failure !== undefined && <ErrorNote error={failure} />}
    </>
  );
}
