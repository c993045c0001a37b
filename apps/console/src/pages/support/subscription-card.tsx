import type { EligibilityView } from "@offerkit/sdk";
import { money, moneyWithCode } from "../../money";
import { PRICING_MODEL_NAMES } from "../../pricing-models";
import { Link } from "../../router";
import { can, type Session } from "../../session";
import { Term } from "../../ui";
import { utcMinute } from "../../utc-minute";

type EligibleSubscription = EligibilityView["subscriptions"][number];

/** What support needs to know about one subscription to decide what the caller is entitled to. */
export function SubscriptionCard({ session, subscription }: { session: Session; subscription: EligibleSubscription }) {
  const headingId = `subscription-${subscription.id}`;
  return (
    <article className="subscription-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {subscription.productTitle} <span className="muted mono small">{subscription.asin}</span>
      </h3>
      <dl className="terms">
        <Term label="Status" value={<span className={`badge badge-sub-${subscription.status}`}>{subscription.status}</span>} />
        <Term label="Pricing model" value={PRICING_MODEL_NAMES[subscription.pricingModel]} />
        <Term label="Started" value={utcMinute(subscription.startsAt)} />
        <Term label="Ends" value={subscription.endsAt ? utcMinute(subscription.endsAt) : "Runs until cancelled"} />
        <Term label="Offer" value={<OfferOrigin session={session} offerId={subscription.offerId} />} />
        <Term label="Annual subscriptions held" value={subscription.pricingModel === "hourly_annual" ? subscription.quantity : "None: the product has no annual subscriptions"} />
        <Term label="Subscription ID" value={<span className="mono">{subscription.id}</span>} />
        {subscription.customerIdentifier && <Term label="Customer identifier" value={<span className="mono">{subscription.customerIdentifier}</span>} />}
      </dl>
      <UsageTable subscription={subscription} />
    </article>
  );
}

function OfferOrigin({ session, offerId }: { session: Session; offerId: string | null }) {
  if (!offerId) return <>Public offer</>;
  return (
    <>
      Private offer{" "}
      {can(session, "offers:read") ? (
        <Link to={`/offers/${offerId}`} className="mono">
          {offerId}
        </Link>
      ) : (
        <span className="mono">{offerId}</span>
      )}
    </>
  );
}

function UsageTable({ subscription }: { subscription: EligibleSubscription }) {
  if (subscription.usage.length === 0) return <p className="muted">No usage recorded in the last 30 days.</p>;
  return (
    <div className="table-wrap">
      <table className="stack-narrow usage-table">
        <caption>Usage in the last 30 days</caption>
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col" className="number">
              Quantity
            </th>
            <th scope="col" className="number">
              Estimated charge
            </th>
          </tr>
        </thead>
        <tbody>
          {subscription.usage.map((usage) => (
            <tr key={usage.dimension}>
              <td className="mono">{usage.dimension}</td>
              <td data-label="Quantity" className="number">
                {usage.quantity}
                {usage.coveredByAnnual > 0 && <span className="muted small"> ({usage.coveredByAnnual} covered by annual subscriptions)</span>}
              </td>
              <td data-label="Estimated charge" className="number">{usage.estimatedCharge === null ? "not priced by usage" : money(usage.estimatedCharge)}</td>
            </tr>
          ))}
        </tbody>
        {subscription.estimatedCharge !== null && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td data-label="Estimated charge" className="number">
                {moneyWithCode(subscription.estimatedCharge)}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
