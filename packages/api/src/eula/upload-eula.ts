import { OfferkitError, type ErrorCode, type EulaDocumentView } from "@offerkit/core";
import { recordEulaDocument } from "@offerkit/db";
import { inspectEula, type EulaRejection } from "@offerkit/eula";
import type { ApiDeps } from "../deps";

const rejectionCodes: Record<EulaRejection, ErrorCode> = {
  too_large: "EULA_TOO_LARGE",
  not_pdf: "EULA_NOT_PDF",
  damaged: "EULA_DAMAGED",
  encrypted: "EULA_ENCRYPTED",
  no_pages: "EULA_NO_PAGES",
};

/** The error for a file over the limit, before a byte of it is read. */
export function eulaTooLarge(size: number, maxBytes: number): OfferkitError {
  return new OfferkitError("EULA_TOO_LARGE", `The EULA is ${size} bytes; the limit is ${maxBytes} bytes`, [
    { path: ["file"], message: `At most ${maxBytes} bytes` },
  ]);
}

/**
 * Checks an uploaded EULA and stores it once, addressed by its SHA-256. Nothing is stored for
 * a file that fails a check, and each failure has its own code and message.
 */
export async function uploadEula(
  deps: Pick<ApiDeps, "db" | "blobs" | "clock" | "config">,
  sellerId: string,
  { bytes, fileName }: { bytes: Uint8Array; fileName: string },
): Promise<EulaDocumentView> {
  const { eulaMaxBytes } = deps.config;
  if (bytes.byteLength > eulaMaxBytes) throw eulaTooLarge(bytes.byteLength, eulaMaxBytes);
  const inspection = await inspectEula(bytes, { maxBytes: eulaMaxBytes });
  if (!inspection.ok) {
    throw new OfferkitError(rejectionCodes[inspection.reason], inspection.message, [{ path: ["file"], message: inspection.message }]);
  }
  await deps.blobs.put(bytes);
  return recordEulaDocument(deps.db, sellerId, {
    sha256: inspection.sha256,
    fileName,
    size: inspection.size,
    pageCount: inspection.pageCount,
    uploadedAt: deps.clock.now().toISOString(),
  });
}
