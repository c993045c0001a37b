import {
  accountIdSchema,
  agreementTermSchema,
  installmentsSchema,
  offerPricingSchema,
  type DraftTerms,
  type OfferStatus,
  type StoredOfferStatus,
} from "@offerkit/core";
import type { ExpressionBuilder, Kysely, Selectable } from "kysely";
import { z } from "zod";
import { olderThan, type PageCursor } from "../pagination";
import type { Database, OffersTable } from "../schema";

export interface OfferRecord {
  id: string;
  sellerId: string;
  productId: string;
  status: StoredOfferStatus;
  version: number;
  terms: DraftTerms;
  replacesOfferId: string | null;
  buyerUrl: string | null;
  termsSha256: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
  acceptedAt: string | null;
}

const storedAccounts = z.array(accountIdSchema);

function parseJson<T>(schema: z.ZodType<T>, text: string | null): T | undefined {
  return text === null ? undefined : schema.parse(JSON.parse(text));
}

function toRecord(row: Selectable<OffersTable>): OfferRecord {
  const terms: DraftTerms = {
    buyerAccounts: storedAccounts.parse(JSON.parse(row.buyer_accounts)),
  };
  if (row.name !== null) terms.name = row.name;
  if (row.description !== null) terms.description = row.description;
  if (row.eula_sha256 !== null) terms.eulaSha256 = row.eula_sha256;
  if (row.acceptance_deadline !== null) terms.acceptanceDeadline = row.acceptance_deadline;
  if (row.refund_policy !== null) terms.refundPolicy = row.refund_policy;
  const pricing = parseJson(offerPricingSchema, row.pricing);
  if (pricing !== undefined) terms.pricing = pricing;
  const agreement = parseJson(agreementTermSchema, row.agreement);
  if (agreement !== undefined) terms.agreement = agreement;
  const installments = parseJson(installmentsSchema, row.installments);
  if (installments !== undefined) terms.installments = installments;
  return {
    id: row.id,
    sellerId: row.seller_id,
    productId: row.product_id,
    status: row.status,
    version: Number(row.version),
    terms,
    replacesOfferId: row.replaces_offer_id,
    buyerUrl: row.buyer_url,
    termsSha256: row.terms_sha256,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
    acceptedAt: row.accepted_at,
  };
}

function termColumns(terms: DraftTerms) {
  return {
    name: terms.name ?? null,
    description: terms.description ?? null,
    buyer_accounts: JSON.stringify(terms.buyerAccounts ?? []),
    pricing: terms.pricing === undefined ? null : JSON.stringify(terms.pricing),
    eula_sha256: terms.eulaSha256 ?? null,
    agreement: terms.agreement === undefined ? null : JSON.stringify(terms.agreement),
    acceptance_deadline: terms.acceptanceDeadline ?? null,
    refund_policy: terms.refundPolicy ?? null,
    installments: terms.installments === undefined ? null : JSON.stringify(terms.installments),
  };
}

/** Account IDs are exactly 12 digits, so the quoted ID matches only that element of the JSON array. */
function targets(account: string) {
  return (eb: ExpressionBuilder<Database, "offers">) => eb("offers.buyer_accounts", "like", `%"${account}"%`);
}

export async function insertOffer(
  db: Kysely<Database>,
  offer: Pick<OfferRecord, "id" | "sellerId" | "productId" | "terms" | "replacesOfferId" | "createdAt">,
): Promise<void> {
  await db
    .insertInto("offers")
    .values({
      id: offer.id,
      seller_id: offer.sellerId,
      product_id: offer.productId,
      status: "draft",
      ...termColumns(offer.terms),
      replaces_offer_id: offer.replacesOfferId,
      created_at: offer.createdAt,
      updated_at: offer.createdAt,
    })
    .execute();
}

/** An offer of this seller; another seller's offer is simply not found. */
export async function findOffer(db: Kysely<Database>, sellerId: string, id: string): Promise<OfferRecord | null> {
  const row = await db
    .selectFrom("offers")
    .selectAll()
    .where("id", "=", id)
    .where("seller_id", "=", sellerId)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export interface OfferFilter {
  status?: OfferStatus | undefined;
  productId?: string | undefined;
  buyerAccount?: string | undefined;
  after: PageCursor | null;
  limit: number;
  /** Today's UTC date by the server's clock: `expired` is derived from it. */
  today: string;
}

export async function listOffers(db: Kysely<Database>, sellerId: string, filter: OfferFilter): Promise<OfferRecord[]> {
  let query = db.selectFrom("offers").selectAll().where("seller_id", "=", sellerId);
  if (filter.status === "expired") {
    query = query.where("status", "=", "sent").where("acceptance_deadline", "<", filter.today);
  } else if (filter.status === "sent") {
    query = query.where("status", "=", "sent").where("acceptance_deadline", ">=", filter.today);
  } else if (filter.status !== undefined) {
    query = query.where("status", "=", filter.status);
  }
  if (filter.productId !== undefined) query = query.where("product_id", "=", filter.productId);
  if (filter.buyerAccount !== undefined) query = query.where(targets(filter.buyerAccount));
  const { after } = filter;
  if (after) {
    query = query.where(olderThan(after));
  }
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(filter.limit + 1).execute();
  return rows.map(toRecord);
}

/**
 * Replaces the terms of a draft, only if it is still the very version the caller read: an edit
 * or a send that slipped in since makes it touch no row. Answers with the offer as this write
 * left it (its version one more), or null when nothing was written, and the caller tells why.
 */
export async function updateDraftTerms(
  db: Kysely<Database>,
  draft: { sellerId: string; id: string; version: number; terms: DraftTerms; updatedAt: string },
): Promise<OfferRecord | null> {
  const row = await db
    .updateTable("offers")
    .set((eb) => ({ ...termColumns(draft.terms), updated_at: draft.updatedAt, version: eb("version", "+", 1) }))
    .where("id", "=", draft.id)
    .where("seller_id", "=", draft.sellerId)
    .where("status", "=", "draft")
    .where("version", "=", draft.version)
    .returningAll()
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * Freezes a draft as sent, only if it is still the very version that was checked: an edit
 * that slipped in between the check and this write makes it return false.
 */
export async function markOfferSent(
  db: Kysely<Database>,
  sent: { sellerId: string; id: string; version: number; buyerUrl: string; termsSha256: string; sentAt: string },
): Promise<boolean> {
  const result = await db
    .updateTable("offers")
    .set({
      status: "sent",
      buyer_url: sent.buyerUrl,
      terms_sha256: sent.termsSha256,
      sent_at: sent.sentAt,
      updated_at: sent.sentAt,
    })
    .where("id", "=", sent.id)
    .where("seller_id", "=", sent.sellerId)
    .where("status", "=", "draft")
    .where("version", "=", sent.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Deletes a draft; false when there is no such draft (absent, or already sent). */
export async function deleteDraft(db: Kysely<Database>, sellerId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom("offers")
    .where("id", "=", id)
    .where("seller_id", "=", sellerId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Marks a sent offer accepted at its first acceptance; later acceptances leave it as it is. */
export async function markOfferAccepted(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db
    .updateTable("offers")
    .set({ status: "accepted", accepted_at: at, updated_at: at })
    .where("id", "=", id)
    .where("status", "=", "sent")
    .execute();
}

/** A sent offer of this seller that targets the account; drafts and other accounts' offers are not found. */
export async function findOfferForBuyer(
  db: Kysely<Database>,
  sellerId: string,
  account: string,
  id: string,
): Promise<OfferRecord | null> {
  const row = await db
    .selectFrom("offers")
    .selectAll()
    .where("id", "=", id)
    .where("seller_id", "=", sellerId)
    .where("status", "<>", "draft")
    .where(targets(account))
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function listOffersForBuyer(
  db: Kysely<Database>,
  sellerId: string,
  account: string,
  { after, limit, productId }: { after: PageCursor | null; limit: number; productId?: string },
): Promise<OfferRecord[]> {
  let query = db
    .selectFrom("offers")
    .selectAll()
    .where("seller_id", "=", sellerId)
    .where("status", "<>", "draft")
    .where(targets(account));
  if (productId !== undefined) query = query.where("product_id", "=", productId);
  if (after) {
    query = query.where(olderThan(after));
  }
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
  return rows.map(toRecord);
}
