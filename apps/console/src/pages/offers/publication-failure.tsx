import type { PublicationView } from "@offerkit/sdk";
import { refusedFields } from "./publication-details";

/** Why AWS Marketplace refused a sent offer, each reason under the field to fix in a copy. */
export function PublicationFailure({ publication }: { publication: PublicationView }) {
  const groups = refusedFields(publication.error?.details ?? []);
  return (
    <section className="refused" aria-labelledby="refused-heading">
      <h2 id="refused-heading">AWS Marketplace refused this offer</h2>
      <p>
        {publication.error?.message ?? "It gave no reason."}
        {publication.attempt > 1 && ` (attempt ${publication.attempt})`}
      </p>
      {groups.length > 0 && (
        <dl className="refused-fields">
          {groups.map((group) => (
            <div key={group.field ?? ""}>
              <dt>{group.label}</dt>
              {group.reasons.map((reason, index) => (
                <dd key={index}>
                  {reason.message} <span className="reason-code">{reason.code}</span>
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
