import { listSupportLookups as listLookups } from "@offerkit/db";
import type { ApiDeps } from "../deps";

/** The seller's eligibility lookups, newest first: who looked up which account, when, and what they saw. */
export function listSupportLookups(deps: Pick<ApiDeps, "db">, sellerId: string, limit: number) {
  return listLookups(deps.db, sellerId, limit);
}
