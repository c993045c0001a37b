/**
 * Money as people read it, from core: exact, from decimal strings, never through a float. Built
 * as a file of its own without zod, so an app that only shows money loads no schema.
 */
export { formatUsd, type UsdStyle } from "@offerkit/core";
