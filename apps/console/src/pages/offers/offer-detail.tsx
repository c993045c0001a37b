import type { OfferView } from "@offerkit/sdk";
import { isOfferkitError } from "@offerkit/sdk";
import { useEffect, useRef, useState } from "react";
import { messageOf } from "../../errors";
import { Link, navigate } from "../../router";
import { can, type Session } from "../../session";
import { AsyncView, CopyButton, ErrorNote, Term, timeLeft } from "../../ui";
import { useAsync } from "../../use-async";
import { PricesSummary } from "./prices-summary";
import { StatusBadge } from "./offer-list";

/** While an offer waits for its buyer, its page asks again this often. */
const REFRESH_MS = 15_000;

export function OfferDetailPage({ session, offerId }: { session: Session; offerId: string }) {
  const loaded = useAsync(async () => {
    const offer = await session.client.offers.get({ offerId });
    return { offer, product: await session.client.products.get({ productId: offer.productId }) };
  }, [session, offerId]);
  const { reload } = loaded;
  const waiting = loaded.status === "done" && loaded.data.offer.status === "sent";
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [waiting, reload]);

  return (
    <AsyncView state={loaded} what="the offer">
      {({ offer, product }) => (
        <section aria-labelledby="offer-heading">
          <p>
            <Link to="/offers">All offers</Link>
          </p>
          <div className="page-head">
            <h1 id="offer-heading">{offer.name ?? "Untitled draft"}</h1>
            <StatusBadge status={offer.status} />
            <button type="button" onClick={reload}>
              Refresh
            </button>
          </div>
          {offer.buyerUrl && (
            <div className="buyer-url">
              <label htmlFor="buyer-url">Buyer URL: send it to the buyer</label>
              <div className="copy-row">
                <input id="buyer-url" readOnly value={offer.buyerUrl} onFocus={(event) => event.target.select()} />
                <CopyButton text={offer.buyerUrl} label="Copy buyer URL" />
              </div>
            </div>
          )}
          <OfferActions session={session} offer={offer} onSent={reload} />
          <dl className="terms">
            <Term label="Offer ID" value={<span className="mono">{offer.id}</span>} />
            <Term label="Product" value={`${product.title} (${product.asin})`} />
            <Term label="Buyer accounts" value={<span className="mono">{offer.buyerAccounts.join(", ") || "none yet"}</span>} />
            <Term label="Prices" value={<PricesSummary pricing={offer.pricing} />} />
            <Term label="EULA" value={offer.eula ? `${offer.eula.fileName}, ${offer.eula.pageCount} pages, SHA-256 ${offer.eula.sha256}` : "none yet"} />
            <Term label="Agreement" value={offer.agreement ? (offer.agreement.kind === "duration" ? durationText(offer.agreement.duration) : `until ${offer.agreement.endDate}`) : "not set"} />
            <Term label="Acceptance deadline" value={offer.acceptanceDeadline ? `${offer.acceptanceDeadline} (${timeLeft(offer.acceptanceDeadline)})` : "not set"} />
            <Term label="Refund policy" value={offer.refundPolicy ?? "none"} />
            <Term
              label="Installments"
              value={
                offer.installments ? (
                  <ul className="plain">
                    {offer.installments.map((installment) => (
                      <li key={installment.chargeDate}>
                        {installment.chargeDate}: {installment.amount} USD
                      </li>
                    ))}
                  </ul>
                ) : (
                  "paid at once"
                )
              }
            />
            {offer.description && <Term label="Internal description" value={offer.description} />}
            {offer.sentAt && <Term label="Sent" value={new Date(offer.sentAt).toLocaleString()} />}
            {offer.acceptedAt && <Term label="Accepted" value={new Date(offer.acceptedAt).toLocaleString()} />}
            {offer.termsSha256 && <Term label="Terms SHA-256" value={<span className="mono">{offer.termsSha256}</span>} />}
            {offer.replacesOfferId && <Term label="Replaces" value={<Link to={`/offers/${offer.replacesOfferId}`}>{offer.replacesOfferId}</Link>} />}
            <Term label="Marketplace" value={publicationText(offer)} />
          </dl>
        </section>
      )}
    </AsyncView>
  );
}

/** `P12M` as "12 months", `P365D` as "365 days". */
function durationText(duration: string): string {
  const amount = duration.slice(1, -1);
  return `${amount} ${duration.endsWith("M") ? "months" : "days"}`;
}

function publicationText(offer: OfferView): string {
  const { publication } = offer;
  switch (publication.state) {
    case "not_published":
      return "not published";
    case "publishing":
      return "publishing (this can take about 45 minutes)";
    case "published":
      return `published${publication.marketplaceOfferId ? ` as ${publication.marketplaceOfferId}` : ""}`;
    case "failed":
      return `failed: ${publication.error?.message ?? "no reason given"}`;
  }
}

/** Send (with a confirmation: a sent offer never changes), edit, or copy as a new draft. */
function OfferActions({ session, offer, onSent }: { session: Session; offer: OfferView; onSent: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!can(session, "offers:write")) return null;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
  const send = () =>
    run(async () => {
      dialog.current?.close();
      await session.client.offers.send({ offerId: offer.id });
      onSent();
    });
  const copy = () =>
    run(async () => {
      const draft = await session.client.offers.copyAsDraft({ offerId: offer.id });
      navigate(`/offers/${draft.id}/edit`);
    });

  return (
    <div className="actions">
      {offer.status === "draft" ? (
        <>
          <button type="button" className="primary" onClick={() => dialog.current?.showModal()} disabled={busy}>
            Send offer
          </button>
          <Link to={`/offers/${offer.id}/edit`} className="button">
            Edit draft
          </Link>
        </>
      ) : (
        <button type="button" onClick={copy} disabled={busy}>
          Copy as new draft
        </button>
      )}
      <dialog ref={dialog} aria-labelledby="send-title" aria-describedby="send-text">
        <h2 id="send-title">Send this offer?</h2>
        <p id="send-text">A sent offer can never be changed or withdrawn. To change its terms later, you will make a new offer. Every rule is checked again before it is sent.</p>
        <div className="actions">
          <button type="button" className="primary" onClick={send}>
            Send, it is final
          </button>
          <button type="button" onClick={() => dialog.current?.close()} autoFocus>
            Cancel
          </button>
        </div>
      </dialog>
      {failure !== undefined && <SendFailure error={failure} />}
    </div>
  );
}

/** The form's names for the fields the server names by path. */
const FIELD_LABELS: Record<string, string> = {
  name: "Offer name",
  description: "Internal description",
  buyerAccounts: "Buyer accounts",
  pricing: "Prices",
  eulaSha256: "EULA",
  agreement: "Agreement length",
  acceptanceDeadline: "Acceptance deadline",
  refundPolicy: "Refund policy",
  installments: "Installments",
};

function SendFailure({ error }: { error: unknown }) {
  if (!isOfferkitError(error) || error.issues.length === 0) return <ErrorNote error={error} />;
  return (
    <div className="error-note" role="alert">
      <p>{messageOf(error).split(":")[0]}. Fix these in the draft, then send again:</p>
      <ul>
        {error.issues.map((issue) => (
          <li key={`${issue.path.join(".")}${issue.message}`}>
            <strong>{FIELD_LABELS[String(issue.path[0])] ?? (issue.path.join(".") || "Offer")}</strong>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
