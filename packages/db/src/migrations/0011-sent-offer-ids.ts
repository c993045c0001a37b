import { sql, type Kysely } from "kysely";
import { dialectOf } from "../dialect";

/**
 * A sent offer keeps its id, and no other row takes it. Migration 0009 froze every column but
 * the id: `UPDATE offers SET id = ...` moved a sent offer away from its id, and on SQLite
 * `UPDATE OR REPLACE` giving a draft a sent offer's id deleted the sent one (the implied delete
 * fires no trigger). An acceptance time on an offer still `sent` is refused too: it would make
 * the real acceptance impossible.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "sqlite") {
    await sql
      .raw(
        `CREATE TRIGGER offers_sent_keep_their_id BEFORE UPDATE ON offers
         WHEN (OLD.status <> 'draft' AND NEW.id IS NOT OLD.id)
           OR (NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM offers WHERE id = NEW.id AND status <> 'draft'))
           OR (NEW.status = 'sent' AND NEW.accepted_at IS NOT NULL)
         BEGIN SELECT RAISE(ABORT, 'OFFER_IMMUTABLE: a sent offer keeps its id and is accepted only with its status'); END`,
      )
      .execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION offers_guard_sent_id() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF (OLD.status <> 'draft' AND NEW.id IS DISTINCT FROM OLD.id) OR (NEW.status = 'sent' AND NEW.accepted_at IS NOT NULL) THEN
           RAISE EXCEPTION 'OFFER_IMMUTABLE: a sent offer keeps its id and is accepted only with its status';
         END IF;
         RETURN NEW;
       END $$`,
    )
    .execute(db);
  await sql.raw(`CREATE TRIGGER offers_sent_keep_their_id BEFORE UPDATE ON offers FOR EACH ROW EXECUTE FUNCTION offers_guard_sent_id()`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) === "sqlite") {
    await sql.raw("DROP TRIGGER offers_sent_keep_their_id").execute(db);
    return;
  }
  await sql.raw("DROP TRIGGER offers_sent_keep_their_id ON offers").execute(db);
  await sql.raw("DROP FUNCTION offers_guard_sent_id()").execute(db);
}
