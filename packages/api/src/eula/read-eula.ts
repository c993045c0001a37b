import type { Readable } from "node:stream";
import { OfferkitError, type EulaDocumentView } from "@offerkit/core";
import { findEulaDocument } from "@offerkit/db";
import type { ApiDeps } from "../deps";

/** A EULA file to serve: what it is (its `size` is the body's length) and its bytes as a stream. */
export interface EulaFile {
  document: EulaDocumentView;
  /**
   * The bytes, exactly as stored, streamed from the blob store and checked against their SHA-256
   * as they flow: a damaged file fails the stream (`BlobIntegrityError`) before its last chunk.
   * Read it to its end or destroy it.
   */
  body: Readable;
}

export async function getEulaDocument(deps: Pick<ApiDeps, "db">, sellerId: string, sha256: string): Promise<EulaDocumentView> {
  const document = await findEulaDocument(deps.db, sellerId, sha256);
  if (!document) throw new OfferkitError("NOT_FOUND", `No EULA ${sha256}`);
  return document;
}

/** A seller's own EULA, byte for byte. Another seller's document is not found. */
export async function readEula(deps: Pick<ApiDeps, "db" | "blobs">, sellerId: string, sha256: string): Promise<EulaFile> {
  const document = await getEulaDocument(deps, sellerId, sha256);
  const stored = await deps.blobs.stream(sha256);
  if (!stored) throw new OfferkitError("INTERNAL", `The stored EULA ${sha256} is missing from the blob store`);
  return { document, body: stored.body };
}
