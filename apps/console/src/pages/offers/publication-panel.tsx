import type { OfferView } from "@offerkit/sdk";
import { can, type Session } from "../../session";
import { CopyButton, ErrorNote } from "../../ui";
import { useAction } from "../../use-action";
import { utcMinute } from "../../utc-minute";
import { publicationStatus } from "./publication-status";

/**
 * Where a sent offer stands: recorded locally, or its AWS Marketplace state (the reasons of a
 * refusal are listed above, under their fields). A refused publication can be tried again with
 * the same terms once what was wrong outside the offer is fixed (the product's catalog ID, the
 * seller's marketplace account); what is wrong in the terms needs a copy.
 */
export function PublicationPanel({ session, offer, onChanged }: { session: Session; offer: OfferView; onChanged: () => void }) {
  const status = publicationStatus(offer);
  const { busy, failure, run } = useAction();
  const { publication } = offer;
  const republish = () =>
    run(async () => {
      await session.client.offers.republish({ offerId: offer.id });
      onChanged();
    });
  return (
    <section className={`publication publication-${status.kind}`} aria-labelledby="publication-heading">
      <h2 id="publication-heading">Publication</h2>
      <p className="publication-title">
        <strong>{status.title}</strong>
        {publication.updatedAt && <span className="muted small"> (since {utcMinute(publication.updatedAt)})</span>}
      </p>
      {status.detail && <p className="muted">{status.detail}</p>}
      {publication.buyerUrl && publication.marketplaceOfferId && (
        <div className="copy-row">
          <input aria-label="The offer on the marketplace" readOnly value={publication.buyerUrl} onFocus={(event) => event.target.select()} />
          <CopyButton text={publication.buyerUrl} label="Copy marketplace link" />
        </div>
      )}
      {status.kind === "failed" && can(session, "offers:write") && offer.status !== "expired" && (
        <p className="actions">
          <button type="button" onClick={() => void republish()} disabled={busy}>
            Publish again, same terms
          </button>
          <span className="muted small">After fixing what was outside the offer, such as the product's catalog product ID.</span>
        </p>
      )}
      {failure !== undefined && <ErrorNote error={failure} />}
    </section>
  );
}
