// Types for the page that loads the embed script with a <script> tag: the custom elements it
// defines and the `window.Offerkit` it exposes. Bring them in with
// `import type {} from "@offerkit/widget/embed"` or `/// <reference types="@offerkit/widget/embed" />`.
import type { buildDeepLink, defineOfferkitElements, init } from "../index.cjs";

/** `<offerkit-link asin ref-tag tracking-base-url marketplace-url attribution-id>`. */
export type OfferkitLinkElement = HTMLElement;

/** `<offerkit-offer-banner asin api-url>`; the token is a property, never an attribute. */
export interface OfferkitOfferBannerElement extends HTMLElement {
  /** The visitor's buyer token; the banner asks the server once it has one. */
  buyerToken: string | null;
}

/** What the embed script puts on `window`. */
export interface OfferkitGlobal {
  init: typeof init;
  buildDeepLink: typeof buildDeepLink;
  defineOfferkitElements: typeof defineOfferkitElements;
}

declare global {
  interface HTMLElementTagNameMap {
    "offerkit-link": OfferkitLinkElement;
    "offerkit-offer-banner": OfferkitOfferBannerElement;
  }
  interface Window {
    Offerkit: OfferkitGlobal;
  }
}
