import { PublisherError } from "@offerkit/core";

interface SdkErrorShape {
  name?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

function isSdkError(error: unknown): error is Error & SdkErrorShape {
  return error instanceof Error;
}

/** Errors that the same request may not meet later: the marketplace is busy or away. */
const RETRYABLE = new Set([
  "ThrottlingException",
  "TooManyRequestsException",
  "InternalServerException",
  "InternalServiceException",
  "ServiceUnavailableException",
  "ResourceInUseException",
  "RequestTimeout",
  "TimeoutError",
]);

/**
 * What an AWS SDK error means for a publication: the SDK already retried what it retries, so
 * this says whether waiting and trying again later may help (throttling, server faults, the
 * network), or the seller must act (access denied, a refused request, no credentials).
 */
export function toPublisherError(operation: string, error: unknown): PublisherError {
  if (error instanceof PublisherError) return error;
  if (!isSdkError(error)) return new PublisherError(`${operation} failed: ${String(error)}`, { retryable: true, cause: error });
  const name = typeof error.name === "string" ? error.name : "Error";
  const status = typeof error.$metadata?.httpStatusCode === "number" ? error.$metadata.httpStatusCode : undefined;
  const message = `${operation} failed: ${name}: ${error.message}`;
  const details = [{ code: name, message: error.message }];
  if (name === "CredentialsProviderError") {
    return new PublisherError(`${operation} failed: no AWS credentials were found (${error.message})`, { retryable: false, details, cause: error });
  }
  // No HTTP status: the request never got an answer (DNS, a reset connection).
  const retryable = RETRYABLE.has(name) || status === undefined || status === 429 || status >= 500 || error.$fault === "server";
  return new PublisherError(message, { retryable, details, cause: error });
}

/** Runs one AWS call, its failure told as a `PublisherError` (one already told passes as it is). */
export async function callAws<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toPublisherError(operation, error);
  }
}
