import type { RotatedWebhookSecret } from "@offerkit/sdk";
import { useState, type FormEvent } from "react";
import type { Session } from "../../session";
import { ErrorNote, Field, describedBy } from "../../ui";
import { useFormAction } from "../../use-action";
import { utcMinute } from "../../utc-minute";
import { SecretOnce } from "../settings/secret-once";

const MAX_OVERLAP_HOURS = 168;

/**
 * A new signing secret, shown once. The old one keeps signing beside it for the overlap, so a
 * receiver can switch over without missing a delivery.
 */
export function RotateSecret({ session, endpointId, onRotated }: { session: Session; endpointId: string; onRotated: () => void }) {
  const [hours, setHours] = useState("24");
  const [rotated, setRotated] = useState<RotatedWebhookSecret | null>(null);
  const { busy, failure, errors, refuse, submit: send } = useFormAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const overlapHours = Number(hours);
    if (hours.trim() === "" || !Number.isInteger(overlapHours) || overlapHours < 0 || overlapHours > MAX_OVERLAP_HOURS) {
      return refuse({ overlapHours: `Whole hours from 0 to ${MAX_OVERLAP_HOURS}` });
    }
    await send(async () => {
      setRotated(await session.client.webhooks.rotateSecret({ endpointId, overlapHours }));
      onRotated();
    });
  };
  return (
    <section className="panel" aria-labelledby="rotate-heading">
      <h2 id="rotate-heading">Signing secret</h2>
      {rotated && (
        <>
          <SecretOnce label="New signing secret" secret={rotated.secret} onDone={() => setRotated(null)} />
          <p className="note">
            {rotated.previousSecretExpiresAt
              ? `Deliveries carry a signature by each secret until ${utcMinute(rotated.previousSecretExpiresAt)}; after that, only by the new one.`
              : "The old secret no longer signs anything: deliveries carry the new one's signature only."}
          </p>
        </>
      )}
      <p className="muted">Rotate it when it may have leaked, or on your schedule. Put the new secret in the receiver before the overlap ends.</p>
      <form onSubmit={submit} noValidate className="inline-form">
        <Field id="rotate-overlap" label="Old secret stays valid for (hours)" hint={`0 to ${MAX_OVERLAP_HOURS}; 0 stops it at once.`} error={errors.overlapHours}>
          <input
            {...describedBy("rotate-overlap", errors.overlapHours, true)}
            type="number"
            min={0}
            max={MAX_OVERLAP_HOURS}
            step={1}
            inputMode="numeric"
            value={hours}
            onChange={(event) => setHours(event.target.value)}
          />
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? "Rotating..." : "Rotate secret"}
        </button>
      </form>
      {failure !== undefined && <ErrorNote error={failure} />}
    </section>
  );
}
