import { OfferkitError, type EulaDocumentView } from "@offerkit/core";
import { findEulaDocument } from "@offerkit/db";
import type { ApiDeps } from "../deps";

export interface EulaFile {
  document: EulaDocumentView;
  /** The original bytes, exactly as uploaded. */
  bytes: Uint8Array;
}

export async function getEulaDocument(deps: Pick<ApiDeps, "db">, sellerId: string, sha256: string): Promise<EulaDocumentView> {
  const document = await findEulaDocument(deps.db, sellerId, sha256);
  if (!document) throw new OfferkitError("NOT_FOUND", `No EULA ${sha256}`);
  return document;
}

/** A seller's own EULA, byte for byte. Another seller's document is not found. */
export async function readEula(deps: Pick<ApiDeps, "db" | "blobs">, sellerId: string, sha256: string): Promise<EulaFile> {
  const document = await getEulaDocument(deps, sellerId, sha256);
  const bytes = await deps.blobs.get(sha256);
  if (!bytes) throw new OfferkitError("INTERNAL", `The stored EULA ${sha256} is missing from the blob store`);
  return { document, bytes };
}
