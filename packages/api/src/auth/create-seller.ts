import { insertSeller } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import type { IssuedApiKey } from "@offerkit/core";
import { issueApiKey } from "./issue-api-key";

export interface CreatedSeller {
  sellerId: string;
  adminKey: IssuedApiKey;
}

/** A new tenant with one admin key. */
export async function createSeller(
  deps: Pick<ApiDeps, "db" | "clock" | "ids">,
  input: { name: string; dataSharingEnrolled: boolean; id?: string; adminSecret?: string },
): Promise<CreatedSeller> {
  const sellerId = input.id ?? deps.ids.newId("seller");
  return deps.db.transaction().execute(async (trx) => {
    await insertSeller(trx, {
      id: sellerId,
      name: input.name,
      dataSharingEnrolled: input.dataSharingEnrolled,
      createdAt: deps.clock.now().toISOString(),
    });
    const adminKey = await issueApiKey(
      deps,
      sellerId,
      { name: "admin", scopes: ["admin"], ...(input.adminSecret ? { secret: input.adminSecret } : {}) },
      trx,
    );
    return { sellerId, adminKey };
  });
}
