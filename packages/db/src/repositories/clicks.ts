import { sql, type Kysely } from "kysely";
import { Worker } from "node:worker_threads";
import type { DatabaseHandle } from "../connect";
import type { Database } from "../schema";

export interface ClickRecord {
  asin: string;
  refTag: string;
  sessionKey: string;
  day: string;
  clickedAt: string;
}

/** SQLite allows 32766 bound values per statement: 5 per row. */
const ROWS_PER_STATEMENT = 1000;

/** A batch's clicks grouped by day, product and tag: a handful of groups, however many clicks. */
function byTag(clicks: readonly ClickRecord[]): ClickRecord[][] {
  const groups = new Map<string, ClickRecord[]>();
  for (const click of clicks) {
    const key = `${click.day}\t${click.asin}\t${click.refTag}`;
    const group = groups.get(key);
    if (group) group.push(click);
    else groups.set(key, [click]);
  }
  return [...groups.values()];
}

/**
 * Writes a batch of clicks in one transaction, and adds the new ones to their day, product and
 * tag's count. A repeat of a visitor's click on the same day, product and tag is ignored by the
 * primary key; returns how many were new.
 */
export async function insertClicks(db: Kysely<Database>, clicks: readonly ClickRecord[]): Promise<number> {
  if (clicks.length === 0) return 0;
  let inserted = 0;
  await db.transaction().execute(async (trx) => {
    for (const group of byTag(clicks)) {
      let added = 0;
      for (let start = 0; start < group.length; start += ROWS_PER_STATEMENT) {
        const result = await trx
          .insertInto("clicks")
          .values(
            group.slice(start, start + ROWS_PER_STATEMENT).map((click) => ({
              asin: click.asin,
              ref_tag: click.refTag,
              session_key: click.sessionKey,
              day: click.day,
              clicked_at: click.clickedAt,
            })),
          )
          .onConflict((conflict) => conflict.columns(["day", "asin", "ref_tag", "session_key"]).doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      const [first] = group;
      if (first === undefined) continue;
      await trx
        .insertInto("click_tags")
        .values({ day: first.day, asin: first.asin, ref_tag: first.refTag, clicks: added })
        .onConflict((conflict) => conflict.columns(["day", "asin", "ref_tag"]).doUpdateSet({ clicks: sql`click_tags.clicks + excluded.clicks` }))
        .execute();
      inserted += added;
    }
  });
  return inserted;
}

/** Writes a batch of clicks in one transaction; returns how many were new. */
export interface ClickWriter {
  write(clicks: readonly ClickRecord[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * The click writer for a database. On SQLite it is a worker thread with its own connection and
 * one prepared statement: writing on the event loop cost the redirect more than half its
 * speed. On PostgreSQL writes are asynchronous already, and `insertClicks` does.
 */
export function createClickWriter(handle: Pick<DatabaseHandle, "db" | "sqlitePath">): ClickWriter {
  const path = handle.sqlitePath;
  if (!path) return { write: (clicks) => insertClicks(handle.db, clicks), close: async () => {} };
  const worker = new Worker(new URL("../click-writer-worker.mjs", import.meta.url), { workerData: { path } });
  worker.unref();
  // Checkpoints move to the writer's thread: one run by a commit on this connection would copy
  // the log's pages on the event loop, stalling every request meanwhile.
  // A connection already closed needs no tuning.
  sql`pragma wal_autocheckpoint = 0`.execute(handle.db).catch(() => {});
  const waiting = new Map<number, { resolve: (inserted: number) => void; reject: (error: Error) => void }>();
  let next = 0;
  let closed: Promise<void> | undefined;
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on("message", (message: { id: number; inserted?: number; error?: string }) => {
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) pending?.reject(new Error(message.error));
    else pending?.resolve(message.inserted ?? 0);
  });
  worker.on("error", failAll);
  worker.on("exit", () => failAll(new Error("The click writer stopped")));
  return {
    write(clicks) {
      if (clicks.length === 0) return Promise.resolve(0);
      const id = next++;
      return new Promise<number>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        // One string per batch: far cheaper to pass between threads than a thousand objects.
        // No field can hold a tab or a newline (ASINs, tags, visitor IDs and dates are validated).
        let rows = "";
        for (const c of clicks) rows += `${c.asin}\t${c.refTag}\t${c.sessionKey}\t${c.day}\t${c.clickedAt}\n`;
        worker.postMessage({ id, rows });
      });
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        worker.once("exit", () => resolve());
        // Held from here: unreferenced, a process with nothing else left to do would end before
        // the writer closed its file, and whatever was to follow the close would never run.
        worker.ref();
        worker.postMessage({ type: "close" });
      });
      return closed;
    },
  };
}

/**
 * The visitor's latest click on one of the seller's products at or after `since`. Clicks have
 * no index by visitor (see migration 0007): the product's tags of each day since then come from
 * `click_tags`, and each day and tag is one lookup by the primary key.
 */
export async function findLatestClick(
  db: Kysely<Database>,
  { sellerId, asin, sessionKey, since }: { sellerId: string; asin: string; sessionKey: string; since: string },
): Promise<ClickRecord | null> {
  const { rows } = await sql<{ asin: string; ref_tag: string; session_key: string; day: string; clicked_at: string }>`
    select c.asin, c.ref_tag, c.session_key, c.day, c.clicked_at
    from click_tags t
    cross join clicks c
    where t.asin = ${asin} and t.day >= ${since.slice(0, 10)}
      and c.day = t.day and c.asin = t.asin and c.ref_tag = t.ref_tag and c.session_key = ${sessionKey}
      and c.clicked_at >= ${since}
      and exists (select 1 from products p where p.asin = t.asin and p.seller_id = ${sellerId})
    order by c.clicked_at desc
    limit 1`.execute(db);
  const row = rows[0];
  return row ? { asin: row.asin, refTag: row.ref_tag, sessionKey: row.session_key, day: row.day, clickedAt: row.clicked_at } : null;
}

/** The day's salt for hashing visitors without a cookie; made once per day, shared by every server. */
export async function dailySalt(db: Kysely<Database>, day: string, fresh: string): Promise<string> {
  await db
    .insertInto("daily_salts")
    .values({ day, salt: fresh })
    .onConflict((conflict) => conflict.column("day").doNothing())
    .execute();
  const row = await db.selectFrom("daily_salts").select("salt").where("day", "=", day).executeTakeFirstOrThrow();
  return row.salt;
}

/** Forgets salts older than `before`: yesterday's hashes can then never be recomputed. */
export async function deleteSaltsBefore(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom("daily_salts").where("day", "<", before).execute();
}

/** Clicks counted on the seller's products, all time. */
export async function countClicks(db: Kysely<Database>, sellerId: string): Promise<number> {
  const row = await db
    .selectFrom("clicks")
    .innerJoin("products", "products.asin", "clicks.asin")
    .select(sql<string | number>`count(*)`.as("n"))
    .where("products.seller_id", "=", sellerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
