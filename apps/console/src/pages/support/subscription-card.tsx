import type { EligibilityView, Product } from "@offerkit/sdk";
import { Link } from "../../router";
import { can, type Session } from "../../session";
import { Term } from "../../ui";

type EligibleSubscription = EligibilityView["subscriptions"][number];

const PRICING_MODELS: Record<Product["pricing"]["model"], string> = {
  free: "Free",
  byol: "Bring your own license",
  hourly: "Hourly",
  hourly_annual: "Hourly with annual subscriptions",
  monthly: "Monthly",
  usage: "Usage",
  saas_subscription: "SaaS subscription",
  saas_contract: "SaaS contract",
};

/** An instant as its UTC date and minute, the way the marketplace states them. */
function utcMinute(instant: string): string {
  return `${instant.slice(0, 10)} ${instant.slice(11, 16)} UTC`;
}

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
        <Term label="Pricing model" value={PRICING_MODELS[subscription.pricingModel]} />
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
      <table>
        <caption>Usage in the last 30 days</caption>
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col" className="number">
              Quantity
            </th>
            <th scope="col" className="number">
              Estimated charge (USD)
            </th>
          </tr>
        </thead>
        <tbody>
          {subscription.usage.map((usage) => (
            <tr key={usage.dimension}>
              <td className="mono">{usage.dimension}</td>
              <td className="number">
                {usage.quantity}
                {usage.coveredByAnnual > 0 && <span className="muted small"> ({usage.coveredByAnnual} covered by annual subscriptions)</span>}
              </td>
              <td className="number">{usage.estimatedCharge ?? "not priced by usage"}</td>
            </tr>
          ))}
        </tbody>
        {subscription.estimatedCharge !== null && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td className="number">{subscription.estimatedCharge}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
