// A server-rendered product page with the published package (ESM); prints the HTML.
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { buildDeepLink } from "@offerkit/widget";
import { MarketplaceButton, PrivateOfferBanner, SupportContactForm } from "@offerkit/widget/react";

const html = renderToString(
  h("main", null,
    h(MarketplaceButton, { asin: "B00635Y2IW", refTag: "ads_q3", trackingBaseUrl: "https://links.acme.example" }),
    h(PrivateOfferBanner, { asin: "B00635Y2IW", apiUrl: "https://offers.acme.example", buyerToken: "t" }),
    h(SupportContactForm, { apiUrl: "https://offers.acme.example", buyerToken: "t", subscriptionId: "sub-1" })),
);
console.log(JSON.stringify({ html, link: buildDeepLink({ asin: "B00635Y2IW" }) }));
