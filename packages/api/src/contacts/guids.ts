import { createHash } from "node:crypto";

// Offerkit's own namespace for name-based GUIDs (RFC 9562, version 5).
const NAMESPACE = Buffer.from("07be024003e446bc8553fce9a836a53e", "hex");

/** A version-5 GUID of `name` in Offerkit's namespace: the same name always gives the same GUID. */
function nameBasedGuid(name: string): string {
  const bytes = createHash("sha1").update(NAMESPACE).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The export's Customer Guid: one per contact record, derived from its ID, so it stays the same
 * for the contact's whole life and a DELETE row names exactly the contact to remove.
 */
export function contactGuid(contactId: string): string {
  return nameBasedGuid(`contact:${contactId}`);
}

/** The export's Subscription Guid, derived from the subscription's ID. */
export function subscriptionGuid(subscriptionId: string): string {
  return nameBasedGuid(`subscription:${subscriptionId}`);
}
