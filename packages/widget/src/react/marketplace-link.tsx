import type { AnchorHTMLAttributes, ReactNode } from "react";
import { deepLinkFor, type DeepLinkOptions } from "../deep-link";

export type MarketplaceLinkProps = DeepLinkOptions &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href" | "children"> & {
    children?: ReactNode;
  };

/**
 * A link to the product's marketplace page carrying the ref tag, through the seller's tracking
 * redirect when `trackingBaseUrl` is set. Malformed props render nothing (and warn in development).
 */
export function MarketplaceLink({ asin, refTag, trackingBaseUrl, marketplaceUrl, attributionId, children, ...anchor }: MarketplaceLinkProps) {
  const named = `<MarketplaceLink asin="${asin}"${refTag === undefined ? "" : ` refTag="${refTag}"`}>`;
  const href = deepLinkFor({ asin, refTag, trackingBaseUrl, marketplaceUrl, attributionId }, named);
  if (href === null) return null;
  const rel = anchor.target === "_blank" ? (anchor.rel ?? "noopener") : anchor.rel;
  return (
    <a {...anchor} href={href} rel={rel}>
      {children}
    </a>
  );
}
