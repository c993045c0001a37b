export { inspectEula } from "./inspect";
export type { EulaInspection, EulaRejection, InspectEulaOptions } from "./inspect";
export { readWithLimit } from "./read-with-limit";
export type { ReadWithLimitResult } from "./read-with-limit";
export { BlobIntegrityError, createFileBlobStore, createMemoryBlobStore, isSha256Hex } from "./blob-store";
export type { BlobStore } from "./blob-store";
export { sha256Hex } from "./hash";
export { sanitizeFooter, stampEula } from "./stamp";
