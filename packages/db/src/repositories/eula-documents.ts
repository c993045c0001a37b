import type { EulaDocumentView } from "@offerkit/core";
import type { Kysely } from "kysely";
import type { Database } from "../schema";

/**
 * Records that a seller uploaded a document. The bytes live once in the blob store; the same
 * file uploaded again keeps its first record.
 */
export async function recordEulaDocument(
  db: Kysely<Database>,
  sellerId: string,
  document: EulaDocumentView,
): Promise<EulaDocumentView> {
  await db
    .insertInto("eula_documents")
    .values({
      seller_id: sellerId,
      sha256: document.sha256,
      file_name: document.fileName,
      size: document.size,
      page_count: document.pageCount,
      created_at: document.uploadedAt,
    })
    .onConflict((conflict) => conflict.columns(["seller_id", "sha256"]).doNothing())
    .execute();
  return (await findEulaDocument(db, sellerId, document.sha256)) ?? document;
}

/** The seller's record of a document; another seller's document is not found. */
export async function findEulaDocument(
  db: Kysely<Database>,
  sellerId: string,
  sha256: string,
): Promise<EulaDocumentView | null> {
  const row = await db
    .selectFrom("eula_documents")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .where("sha256", "=", sha256)
    .executeTakeFirst();
  return row
    ? { sha256: row.sha256, fileName: row.file_name, size: Number(row.size), pageCount: Number(row.page_count), uploadedAt: row.created_at }
    : null;
}
