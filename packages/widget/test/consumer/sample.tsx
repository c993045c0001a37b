// Type-checked strictly against the published declarations and the installed React types.
import { buildDeepLink, init, type DeepLinkOptions } from "@offerkit/widget";
import type {} from "@offerkit/widget/embed";
import { MarketplaceButton, MarketplaceLink, PrivateOfferBanner, SupportContactForm, type SharedContact } from "@offerkit/widget/react";

const options: DeepLinkOptions = { asin: "B00635Y2IW", refTag: "ads_q3" };
const link: string | null = buildDeepLink(options);
const handle = init(document, { trackingBaseUrl: "https://links.acme.example" });
handle.destroy();

// The embed script's globals and elements, typed by @offerkit/widget/embed.
const banner = document.querySelector("offerkit-offer-banner");
if (banner) banner.buyerToken = "t";
const viaGlobal: string | null = window.Offerkit.buildDeepLink({ asin: "B00635Y2IW" });

export function Page({ token }: { token: string | null }) {
  return (
    <main>
      {link}
      {viaGlobal}
      <MarketplaceLink {...options} target="_blank" className="cta">
        Buy
      </MarketplaceLink>
      <MarketplaceButton asin="B00635Y2IW" style={{ marginTop: 8 }} />
      <PrivateOfferBanner asin="B00635Y2IW" apiUrl="https://offers.acme.example" buyerToken={token} onError={(error) => console.warn(error.message)} />
      {token && <SupportContactForm apiUrl="https://offers.acme.example" buyerToken={token} subscriptionId="sub-1" onShared={(contact: SharedContact) => console.log(contact.id)} />}
    </main>
  );
}
