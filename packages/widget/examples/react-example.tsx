import { MarketplaceButton, MarketplaceLink, PrivateOfferBanner, SupportContactForm } from "@offerkit/widget/react";
import { createRoot } from "react-dom/client";

/** The seller's Offerkit server (`npm start`'s default; the test page swaps in its own). */
const OFFERKIT_URL = "http://127.0.0.1:3000";
// Stands in for the host page's sign-in: the visitor's buyer token and subscription.
const query = new URLSearchParams(location.search);
const buyerToken = query.get("buyerToken");
const subscriptionId = query.get("subscriptionId");

function ProductPage() {
  return (
    <main>
      <h1>Acme Analytics</h1>
      <PrivateOfferBanner asin="B00635Y2IW" apiUrl={OFFERKIT_URL} buyerToken={buyerToken} />
      <p>Dashboards for every team, billed through your cloud account.</p>
      <p>
        <MarketplaceButton asin="B00635Y2IW" refTag="ads_example_react" trackingBaseUrl={OFFERKIT_URL} />
      </p>
      <p>
        Or read the <MarketplaceLink asin="B00635Y2IW">product page</MarketplaceLink> first.
      </p>
      {buyerToken && subscriptionId && (
        <section aria-labelledby="support-heading">
          <h2 id="support-heading">Get product support</h2>
          <SupportContactForm apiUrl={OFFERKIT_URL} buyerToken={buyerToken} subscriptionId={subscriptionId} />
        </section>
      )}
    </main>
  );
}

const root = document.getElementById("root");
if (root) createRoot(root).render(<ProductPage />);
