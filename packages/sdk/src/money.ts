/**
 * Money as people read it, from core: exact, from decimal strings, never through a float. Built
 * as a file of its own without zod, so an app that only shows money loads no schema.
 */
// eslint-disable-next-line no-restricted-syntax -- core's formatter, bundled (zod-free), as rules.ts explains
export { formatUsd, type UsdStyle } from "@offerkit/core";
