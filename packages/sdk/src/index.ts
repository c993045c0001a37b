export { createOfferkitClient } from "./client";
export { OfferkitError, isOfferkitError, type FieldIssue, type OfferkitErrorCode } from "./errors";
export { canonicalPrice, canonicalPricing } from "./prices";
export * from "./money";
export * from "./rules";
export type * from "./types";
export * from "./webhooks";
