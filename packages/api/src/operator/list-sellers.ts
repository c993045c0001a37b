import { listSellers as listSellerRows, type SellerSummary } from "@offerkit/db";
import type { ApiDeps } from "../deps";

export type { SellerSummary };

/** Every seller of this server, oldest first, with its number of working keys: for operators only. */
export async function listSellers(deps: Pick<ApiDeps, "db">): Promise<SellerSummary[]> {
  return listSellerRows(deps.db);
}
