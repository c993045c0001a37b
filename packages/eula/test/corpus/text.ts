/** Latin-1 text of PDF bytes, for same-length edits that keep every offset. */
export function asText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}

export function asBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, "latin1"));
}

/** Replaces `from` (which must occur) with `to` of the same length, so no offset moves. */
export function swap(text: string, from: string | RegExp, to: (found: string) => string): string {
  const match = typeof from === "string" ? (text.includes(from) ? from : undefined) : from.exec(text)?.[0];
  if (match === undefined) throw new Error(`corpus edit: ${String(from)} not found`);
  const replacement = to(match);
  if (replacement.length !== match.length) throw new Error(`corpus edit: "${replacement}" is not as long as "${match}"`);
  return text.replace(match, replacement);
}

/** An offset rewritten to a same-width number, zero-padded as cross-reference tables write them. */
export function sameWidth(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
