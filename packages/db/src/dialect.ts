import { PostgresAdapter, type Kysely } from "kysely";

export type DialectName = "sqlite" | "postgres";

/** Which SQL dialect a Kysely instance speaks; migrations and error mapping branch on it. */
export function dialectOf<T>(db: Kysely<T>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? "postgres" : "sqlite";
}
