import { fetchOfferBanner } from "./api";
import { deepLinkFor } from "./deep-link";
import { describeElement } from "./describe-element";
import { safeHttpUrl } from "./safe-url";
import { bannerElementCss } from "./styles";

export interface ElementDefaults {
  /** Used by `<offerkit-link>` without a `tracking-base-url` attribute. */
  trackingBaseUrl?: string | undefined;
  /** Used by `<offerkit-link>` without a `marketplace-url` attribute. */
  marketplaceUrl?: string | undefined;
  /** Used by `<offerkit-offer-banner>` without an `api-url` attribute. */
  apiUrl?: string | undefined;
}

/**
 * Defines `<offerkit-link>` and `<offerkit-offer-banner>` (once; later calls are ignored).
 * The classes are made here, not at import, so importing the package on a server is safe.
 *
 * - `<offerkit-link asin="B00635Y2IW" ref-tag="ads_q3">View</offerkit-link>`: its content,
 *   wrapped in a deep link (style it with `offerkit-link::part(link)`); no link if malformed.
 * - `<offerkit-offer-banner asin="B00635Y2IW" api-url="https://offers.example.com">`: set its
 *   `buyerToken` property; it shows its content (or a default message) and a link to the offer
 *   while the visitor's account has one it can accept, and nothing otherwise. It fires
 *   `offerkit-banner` (detail: the server's answer) or `offerkit-banner-error` when it knows.
 */
export function defineOfferkitElements(defaults: ElementDefaults = {}): void {
  if (typeof customElements === "undefined") return;
  if (!customElements.get("offerkit-link")) customElements.define("offerkit-link", linkElement(defaults));
  if (!customElements.get("offerkit-offer-banner")) customElements.define("offerkit-offer-banner", bannerElement(defaults));
}

function linkElement(defaults: ElementDefaults) {
  return class OfferkitLink extends HTMLElement {
    static observedAttributes = ["asin", "ref-tag", "tracking-base-url", "marketplace-url", "attribution-id"];

    connectedCallback() {
      this.render();
    }

    attributeChangedCallback() {
      if (this.isConnected) this.render();
    }

    private render() {
      const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      const link = deepLinkFor(
        {
          asin: this.getAttribute("asin") ?? "",
          refTag: this.getAttribute("ref-tag") ?? undefined,
          trackingBaseUrl: this.getAttribute("tracking-base-url") ?? defaults.trackingBaseUrl,
          marketplaceUrl: this.getAttribute("marketplace-url") ?? defaults.marketplaceUrl,
          attributionId: this.getAttribute("attribution-id") ?? undefined,
        },
        describeElement(this),
      );
      const slot = document.createElement("slot");
      if (link === null) {
        root.replaceChildren(slot);
        return;
      }
      const anchor = document.createElement("a");
      anchor.setAttribute("part", "link");
      anchor.href = link;
      anchor.append(slot);
      root.replaceChildren(anchor);
    }
  };
}

function bannerElement(defaults: ElementDefaults) {
  return class OfferkitOfferBanner extends HTMLElement {
    static observedAttributes = ["asin", "api-url"];
    private token: string | null = null;
    private pending: AbortController | null = null;

    /** The visitor's buyer token; the banner asks the server once it has one. */
    get buyerToken(): string | null {
      return this.token;
    }

    set buyerToken(value: string | null) {
      this.token = value;
      this.refresh();
    }

    connectedCallback() {
      // A page may set the token before this element is defined (a deferred embed script):
      // that value then sits on the instance, hiding the setter, until taken over here.
      if (Object.prototype.hasOwnProperty.call(this, "buyerToken")) {
        const early: unknown = Reflect.get(this, "buyerToken");
        Reflect.deleteProperty(this, "buyerToken");
        this.token = typeof early === "string" ? early : null;
      }
      this.refresh();
    }

    disconnectedCallback() {
      this.pending?.abort();
    }

    attributeChangedCallback() {
      this.refresh();
    }

    private refresh() {
      this.pending?.abort();
      const root = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      root.replaceChildren();
      const asin = this.getAttribute("asin");
      const apiUrl = this.getAttribute("api-url") ?? defaults.apiUrl;
      if (!this.isConnected || !this.token || !asin || !apiUrl) return;
      const pending = new AbortController();
      this.pending = pending;
      fetchOfferBanner({ apiUrl, buyerToken: this.token, signal: pending.signal }, asin).then(
        (banner) => {
          if (pending.signal.aborted) return;
          this.dispatchEvent(new CustomEvent("offerkit-banner", { detail: banner }));
          if (!banner.hasPrivateOffer) return;
          const box = document.createElement("div");
          box.setAttribute("part", "banner");
          box.setAttribute("role", "status");
          const message = document.createElement("span");
          message.setAttribute("part", "message");
          const slot = document.createElement("slot");
          slot.textContent = "You have a private offer for this product.";
          message.append(slot);
          box.append(message);
          const href = safeHttpUrl(banner.buyerUrl);
          if (href !== null) {
            const anchor = document.createElement("a");
            anchor.setAttribute("part", "link");
            anchor.href = href;
            anchor.textContent = "View your offer";
            box.append(" ", anchor);
          }
          const style = document.createElement("style");
          style.textContent = bannerElementCss();
          root.replaceChildren(style, box);
        },
        // A banner that cannot load shows nothing: the page around it must not break.
        (error: unknown) => {
          if (!pending.signal.aborted) this.dispatchEvent(new CustomEvent("offerkit-banner-error", { detail: error }));
        },
      );
    }
  };
}
