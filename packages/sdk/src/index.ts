export { createOfferkitClient } from "./client";
export { OfferkitError, isOfferkitError, type FieldIssue, type OfferkitErrorCode } from "./errors";
export type * from "./types";
