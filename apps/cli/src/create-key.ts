import { createHash, randomUUID } from "node:crypto";
import type { CreateOfferInput } from "@offerkit/sdk";

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** JSON with the keys of every object sorted, so equal inputs are equal text whatever their order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The idempotency key of `offers create` when none is given: a hash of the offer the command
 * would create, that is the file's fields with the flags laid over them, the product resolved to
 * its ID and the EULA to its sha256. The same file and flags give the same key in any order or
 * layout, so running a command twice answers with the first offer; another term gives another key.
 * `--send` is left out, so `create` then `create --send` sends the draft the first run made.
 */
export function derivedCreateKey(input: CreateOfferInput): string {
  const { idempotencyKey: _given, ...terms } = input;
  return `cli-create-${sha256(canonicalJson(terms))}`;
}

/** The key that sends the offer a create key made: one per offer, so two runs at once send it once. */
export function sendKeyFor(createKey: string): string {
  return `cli-send-${sha256(createKey)}`;
}

/** A key no earlier run used, for `--new`. */
export function freshCreateKey(): string {
  return `cli-new-${randomUUID()}`;
}
