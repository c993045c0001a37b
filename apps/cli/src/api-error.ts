import type { OfferkitError } from "@offerkit/sdk";

/** Line breaks in a server message would break the one-line contract scripts rely on. */
function flatten(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/**
 * `CODE: message`, then every field issue the message does not already say: the server names
 * only the first invalid field in its message, and a rep fixing a file wants them all, but an
 * issue that repeats the message (a refused EULA's) is said once.
 */
export function describeApiError(error: OfferkitError): string {
  const message = flatten(error.message);
  const missing = error.issues
    .filter((issue) => !message.includes(flatten(issue.message)))
    .map((issue) => flatten(`${issue.path.join(".") || "input"}: ${issue.message}`));
  return [`${error.code}: ${message}`, ...missing].join("; ");
}
