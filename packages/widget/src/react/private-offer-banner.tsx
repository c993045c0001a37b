import { useEffect, useState, type ReactNode } from "react";
import { fetchOfferBanner, type OfferBanner, type WidgetApiError } from "../api";
import { safeHttpUrl } from "../safe-url";
import { WidgetStyles } from "./widget-styles";

export interface PrivateOfferBannerProps {
  /** The product's ASIN. */
  asin: string;
  /** The seller's Offerkit server, e.g. `https://offers.example.com`. */
  apiUrl: string;
  /** A buyer token for the visitor's account; without one the banner stays hidden. */
  buyerToken: string | null | undefined;
  /** The message; default "You have a private offer for this product." */
  children?: ReactNode;
  /** The link's text; default "View your offer". */
  linkText?: ReactNode;
  className?: string;
  /** Called when the server cannot answer; the banner then stays hidden. */
  onError?: (error: WidgetApiError | Error) => void;
}

/**
 * Shown only while the visitor's account has a private offer for the product that it can still
 * accept; rendered on the client only (nothing in server-side HTML).
 */
export function PrivateOfferBanner({ asin, apiUrl, buyerToken, children, linkText = "View your offer", className, onError }: PrivateOfferBannerProps) {
  const [banner, setBanner] = useState<OfferBanner | null>(null);

  useEffect(() => {
    setBanner(null);
    if (!buyerToken) return;
    const pending = new AbortController();
    fetchOfferBanner({ apiUrl, buyerToken, signal: pending.signal }, asin).then(
      (answer) => {
        if (!pending.signal.aborted) setBanner(answer);
      },
      (error: unknown) => {
        if (!pending.signal.aborted && error instanceof Error) onError?.(error);
      },
    );
    return () => pending.abort();
    // onError only reports: a new callback on each render must not ask the server again.
  }, [asin, apiUrl, buyerToken]);

  if (!banner?.hasPrivateOffer) return null;
  const href = safeHttpUrl(banner.buyerUrl);
  return (
    <div role="status" className={className ? `offerkit-banner ${className}` : "offerkit-banner"}>
      <WidgetStyles />
      <span className="offerkit-banner-message">{children ?? "You have a private offer for this product."}</span>
      {href !== null && (
        <>
          {" "}
          <a href={href}>{linkText}</a>
        </>
      )}
    </div>
  );
}
