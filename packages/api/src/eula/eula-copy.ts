import { Readable } from "node:stream";
import { OfferkitError, type EulaDocumentView } from "@offerkit/core";
import { findStampedEulaCopy, recordStampedEulaCopy, type OfferRecord, type StampedEulaCopyRecord } from "@offerkit/db";
import { sanitizeFooter } from "@offerkit/eula";
import type { ApiDeps } from "../deps";
import { buyerCopyFileName, buyerCopyFooter } from "./buyer-copy-footer";
import { getEulaDocument, type EulaFile } from "./read-eula";

/** A buyer's copy of an offer's EULA, ready to serve. */
export interface EulaCopyFile extends EulaFile {
  /**
   * The file served, the copy: its own SHA-256 and size, a file name that says whose copy it is,
   * the original's page count, and `uploadedAt` the time the copy was made.
   */
  document: EulaDocumentView;
  /** Which offer, account and original the copy belongs to, and the line on its pages. */
  copy: StampedEulaCopyRecord;
}

export type EulaCopyDeps = Pick<ApiDeps, "db" | "blobs" | "clock" | "stamper">;

/**
 * The copy of a sent offer's EULA for one of its buyer accounts, made the first time it is asked
 * for and kept: stamped on the stamper's worker, stored in the blob store under its own SHA-256
 * and recorded once per offer and account. Two first requests together may both stamp; the
 * record keeps one copy and both serve it. The caller has checked that the account may see it.
 * Stored bytes that no longer hash to their address are never served whole: the original's throw
 * the blob store's `BlobIntegrityError`, a stored copy's fail its stream before the last chunk.
 */
export async function eulaCopyFor(deps: EulaCopyDeps, offer: OfferRecord, account: string): Promise<EulaCopyFile> {
  const originalSha256 = offer.terms.eulaSha256;
  if (originalSha256 === undefined || offer.sentAt === null) throw new OfferkitError("INTERNAL", `Sent offer ${offer.id} has no EULA or no send time`);
  const original = await getEulaDocument(deps, offer.sellerId, originalSha256);
  const stored = await findStampedEulaCopy(deps.db, offer.sellerId, offer.id, account);
  if (stored) return served(original, stored, await storedCopy(deps, stored, originalSha256));

  const source = await deps.blobs.get(originalSha256);
  if (!source) throw new OfferkitError("INTERNAL", `The stored EULA ${originalSha256} is missing from the blob store`);
  // Recorded as drawn, so the record says exactly what every page carries.
  const footer = sanitizeFooter(buyerCopyFooter({ offerId: offer.id, account, sentAt: offer.sentAt }));
  const bytes = await deps.stamper.stamp(source, footer);
  const { sha256, size } = await deps.blobs.put(bytes);
  const recorded = await recordStampedEulaCopy(deps.db, {
    offerId: offer.id,
    buyerAccount: account,
    sellerId: offer.sellerId,
    originalSha256,
    sha256,
    size,
    footer,
    createdAt: deps.clock.now().toISOString(),
  });
  // Another request recorded its copy first: that one is the copy, from the store like any other.
  return served(original, recorded, recorded.sha256 === sha256 ? Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]) : await storedCopy(deps, recorded, originalSha256));
}

async function storedCopy(deps: EulaCopyDeps, copy: StampedEulaCopyRecord, originalSha256: string): Promise<Readable> {
  // Sent terms never change, so a copy of another document can only be a damaged record.
  if (copy.originalSha256 !== originalSha256) {
    throw new OfferkitError("INTERNAL", `The EULA copy of offer ${copy.offerId} for ${copy.buyerAccount} was made from another document`);
  }
  const stored = await deps.blobs.stream(copy.sha256);
  if (!stored) throw new OfferkitError("INTERNAL", `The EULA copy ${copy.sha256} of offer ${copy.offerId} is missing from the blob store`);
  return stored.body;
}

function served(original: EulaDocumentView, copy: StampedEulaCopyRecord, body: Readable): EulaCopyFile {
  return {
    document: {
      sha256: copy.sha256,
      fileName: buyerCopyFileName(original.fileName, copy.buyerAccount),
      size: copy.size,
      pageCount: original.pageCount,
      uploadedAt: copy.createdAt,
    },
    copy,
    body,
  };
}
