import { useEffect } from "react";
import { Link } from "../../router";
import type { Session } from "../../session";
import { deadlineText } from "../../time-left";
import { AccountIds, AsyncView, CopyButton, ShortId, Term } from "../../ui";
import { utcMinute } from "../../utc-minute";
import { useAsync } from "../../use-async";
import { BuyerAccountsPanel } from "./buyer-accounts-panel";
import { DraftProblems } from "./draft-problems";
import { InstallmentsSummary } from "./installments-summary";
import { OfferActions } from "./offer-actions";
import { StatusBadge } from "./offer-list";
import { PricesSummary } from "./prices-summary";
import { PublicationFailure } from "./publication-failure";
import { PublicationPanel } from "./publication-panel";

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
          {/* A refused offer is on no marketplace: its link must not go to a buyer. */}
          {offer.buyerUrl && offer.publication.state !== "failed" && (
            <div className="buyer-url">
              <label htmlFor="buyer-url">Buyer URL: send it to the buyer</label>
              <div className="copy-row">
                <input id="buyer-url" readOnly value={offer.buyerUrl} onFocus={(event) => event.target.select()} />
                <CopyButton text={offer.buyerUrl} label="Copy buyer URL" />
              </div>
            </div>
          )}
          {offer.status === "draft" && <DraftProblems problems={offer.problems} />}
          {offer.publication.state === "failed" && <PublicationFailure publication={offer.publication} />}
          <OfferActions session={session} offer={offer} onSent={reload} />
          {offer.status !== "draft" && <PublicationPanel session={session} offer={offer} onChanged={reload} />}
          {offer.status !== "draft" && <BuyerAccountsPanel session={session} offer={offer} />}
          <h2 className="table-title">Terms</h2>
          <dl className="terms">
            <Term label="Offer ID" value={<span className="mono">{offer.id}</span>} />
            <Term label="Product" value={`${product.title} (${product.asin})`} />
            {offer.status === "draft" && <Term label="Buyer accounts" value={<AccountIds accounts={offer.buyerAccounts} />} />}
            <Term label="Prices" value={<PricesSummary pricing={offer.pricing} names={Object.fromEntries(product.pricing.dimensions.map((dimension) => [dimension.key, dimension.name]))} />} />
            <Term label="Installments" value={<InstallmentsSummary installments={offer.installments} total={offer.installmentsTotal} />} />
            <Term
              label="EULA"
              value={
                offer.eula ? (
                  <>
                    {offer.eula.fileName}, {offer.eula.pageCount} pages, SHA-256 <ShortId value={offer.eula.sha256} label="EULA SHA-256" />
                  </>
                ) : (
                  "none yet"
                )
              }
            />
            <Term label="Agreement" value={offer.agreement ? (offer.agreement.kind === "duration" ? durationText(offer.agreement.duration) : `until ${offer.agreement.endDate}`) : "not set"} />
            <Term label="Acceptance deadline" value={offer.acceptanceDeadline ? deadlineText(offer.acceptanceDeadline) : "not set"} />
            <Term label="Refund policy" value={offer.refundPolicy ?? "none"} />
            {offer.description && <Term label="Internal description" value={offer.description} />}
            {offer.sentAt && <Term label="Sent" value={utcMinute(offer.sentAt)} />}
            {offer.acceptedAt && <Term label="First accepted" value={utcMinute(offer.acceptedAt)} />}
            {offer.termsSha256 && <Term label="Terms SHA-256" value={<ShortId value={offer.termsSha256} label="terms SHA-256" />} />}
            {offer.replacesOfferId && <Term label="Replaces" value={<Link to={`/offers/${offer.replacesOfferId}`}>{offer.replacesOfferId}</Link>} />}
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
