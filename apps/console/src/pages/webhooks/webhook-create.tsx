import type { CreatedWebhookEndpoint } from "@offerkit/sdk";
import { useState } from "react";
import { Link, navigate } from "../../router";
import type { Session } from "../../session";
import { SecretOnce } from "../settings/secret-once";
import { EndpointForm } from "./endpoint-form";
import { createInputOf, emptyEndpointForm } from "./endpoint-form-values";

/** Random enough to tell two saves apart; `getRandomValues` works on plain http too, unlike `randomUUID`. */
function newIdempotencyKey(): string {
  return `console-${Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** A new endpoint; its signing secret is shown here, once, before its page. */
export function WebhookCreatePage({ session }: { session: Session }) {
  // One key per endpoint being added: a save sent twice (a retry, a double click) adds it once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [created, setCreated] = useState<CreatedWebhookEndpoint | null>(null);
  return (
    <section aria-labelledby="webhook-new-heading">
      <p>
        <Link to="/webhooks">All endpoints</Link>
      </p>
      <h1 id="webhook-new-heading">Add a webhook endpoint</h1>
      {created ? (
        <>
          <SecretOnce label="Signing secret" secret={created.secret} onDone={() => navigate(`/webhooks/${created.endpoint.id}`)} />
          <p>
            The endpoint verifies every delivery with this secret. Next, on <Link to={`/webhooks/${created.endpoint.id}`}>the endpoint's page</Link>, send it a test
            event.
          </p>
        </>
      ) : (
        <EndpointForm
          initial={emptyEndpointForm}
          submitLabel="Add endpoint"
          busyLabel="Adding..."
          onSubmit={async (values) => setCreated(await session.client.webhooks.create(createInputOf(values, idempotencyKey)))}
        />
      )}
    </section>
  );
}
