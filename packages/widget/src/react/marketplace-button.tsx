import type { CSSProperties } from "react";
import { MarketplaceLink, type MarketplaceLinkProps } from "./marketplace-link";

/**
 * Themable with CSS variables on any ancestor: `--offerkit-button-bg`, `--offerkit-button-fg`,
 * `--offerkit-button-radius`, `--offerkit-button-padding`, `--offerkit-button-font`.
 */
const buttonStyle: CSSProperties = {
  display: "inline-block",
  background: "var(--offerkit-button-bg, #232f3e)",
  color: "var(--offerkit-button-fg, #ffffff)",
  borderRadius: "var(--offerkit-button-radius, 4px)",
  padding: "var(--offerkit-button-padding, 0.6em 1.2em)",
  font: "var(--offerkit-button-font, 600 1rem/1.25 system-ui, sans-serif)",
  textDecoration: "none",
};

/** `MarketplaceLink` styled as a button, reading "View on AWS Marketplace" unless given children. */
export function MarketplaceButton({ children = "View on AWS Marketplace", className, style, ...link }: MarketplaceLinkProps) {
  return (
    <MarketplaceLink {...link} className={className ? `offerkit-button ${className}` : "offerkit-button"} style={{ ...buttonStyle, ...style }}>
      {children}
    </MarketplaceLink>
  );
}
