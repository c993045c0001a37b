import { deepLinkFor } from "./deep-link";
import { describeElement } from "./describe-element";

export interface InitOptions {
  /** The seller's Offerkit server; links then go through its tracking redirect. */
  trackingBaseUrl?: string | undefined;
  /** Where links go without tracking. Default `https://aws.amazon.com/marketplace`. */
  marketplaceUrl?: string | undefined;
  /** The visitor's attribution ID, carried on tracked links as `?aid=`. */
  attributionId?: string | undefined;
}

export interface WidgetHandle {
  /** Stops watching the page and puts every upgraded anchor back as it was. */
  destroy(): void;
}

const SELECTOR = "a[data-offerkit-asin]";

/**
 * Upgrades every `<a data-offerkit-asin="..." data-offerkit-ref-tag="...">` inside `target`,
 * now and as the page adds more, to a deep link. An anchor whose ASIN or tag is malformed loses
 * its `href` instead: it is then no link at all.
 */
export function init(target: Element | Document, options: InitOptions = {}): WidgetHandle {
  const originals = new Map<HTMLAnchorElement, string | null>();

  const upgrade = (anchor: HTMLAnchorElement) => {
    if (!originals.has(anchor)) originals.set(anchor, anchor.getAttribute("href"));
    const link = deepLinkFor(
      {
        asin: anchor.dataset.offerkitAsin ?? "",
        refTag: anchor.dataset.offerkitRefTag,
        trackingBaseUrl: options.trackingBaseUrl,
        marketplaceUrl: options.marketplaceUrl,
        attributionId: options.attributionId,
      },
      describeElement(anchor),
    );
    if (link === null) anchor.removeAttribute("href");
    else if (anchor.getAttribute("href") !== link) anchor.setAttribute("href", link);
  };
  const upgradeAll = () => target.querySelectorAll<HTMLAnchorElement>(SELECTOR).forEach(upgrade);

  upgradeAll();
  const observer = typeof MutationObserver === "function" ? new MutationObserver(upgradeAll) : null;
  observer?.observe(target, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-offerkit-asin", "data-offerkit-ref-tag"] });

  return {
    destroy() {
      observer?.disconnect();
      for (const [anchor, href] of originals) {
        if (href === null) anchor.removeAttribute("href");
        else anchor.setAttribute("href", href);
      }
      originals.clear();
    },
  };
}
