import { buildDeepLink } from "./deep-link";
import { defineOfferkitElements } from "./elements";
import { init, type InitOptions } from "./init";
import { enableDebugWarnings } from "./warn";

/**
 * The one-tag embed for any page:
 * `<script src="offerkit-embed.js" data-tracking-base-url="https://links.example.com" defer>`.
 * It upgrades `a[data-offerkit-asin]` anchors, defines the custom elements and exposes
 * `window.Offerkit` for pages that add links later by hand. The script is a production build;
 * `data-debug` on its tag turns on the warnings about malformed ASINs, tags and IDs.
 */
const script = document.currentScript;
const data = script instanceof HTMLScriptElement ? script.dataset : {};
if (data.debug !== undefined) enableDebugWarnings();
const options: InitOptions = {
  trackingBaseUrl: data.trackingBaseUrl,
  marketplaceUrl: data.marketplaceUrl,
};
defineOfferkitElements({ ...options, apiUrl: data.apiUrl });
const start = () => init(document, options);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();

Object.assign(window, { Offerkit: { init, buildDeepLink, defineOfferkitElements } });
