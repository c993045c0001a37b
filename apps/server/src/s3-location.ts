import { errorMessage } from "@offerkit/core";
import type { S3Location } from "./config";

/** A setting's bucket as the S3 stores take it: the unset parts left out, not passed as undefined. */
export function s3StoreOptions(location: S3Location) {
  return {
    bucket: location.bucket,
    prefix: location.prefix,
    forcePathStyle: location.forcePathStyle,
    ...(location.endpoint === undefined ? {} : { endpoint: location.endpoint }),
    ...(location.region === undefined ? {} : { region: location.region }),
  };
}

/**
 * A bucket-backed store, checked before the server serves: one that does not answer stops the
 * start with `failure`'s message (naming the setting), its connections closed.
 */
export async function checkedBeforeServing<T extends { check(): Promise<void>; close(): void }>(store: T, failure: (reason: string) => string): Promise<T> {
  try {
    await store.check();
    return store;
  } catch (error) {
    store.close();
    throw new Error(failure(errorMessage(error)), { cause: error });
  }
}
