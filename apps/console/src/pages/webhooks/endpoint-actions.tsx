import type { WebhookEndpointView } from "@offerkit/sdk";
import { useState } from "react";
import type { Session } from "../../session";
import { ErrorNote } from "../../ui";
import { DeleteEndpoint } from "./delete-endpoint";

/** Pause or resume an endpoint, or delete it. */
export function EndpointActions({ session, endpoint, onChanged }: { session: Session; endpoint: WebhookEndpointView; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const setEnabled = async (enabled: boolean) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await session.client.webhooks.update({ endpointId: endpoint.id, enabled });
      onChanged();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
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
