import { OfferkitError, type SellerSettings } from "@offerkit/core";
import { findSeller, setDataSharingEnrolled } from "@offerkit/db";
import type { ApiDeps } from "../deps";

export async function getSettings(deps: Pick<ApiDeps, "db">, sellerId: string): Promise<SellerSettings> {
  const seller = await findSeller(deps.db, sellerId);
  if (!seller) throw new OfferkitError("NOT_FOUND", `No seller ${sellerId}`);
  return { sellerId, name: seller.name, dataSharingEnrolled: seller.dataSharingEnrolled };
}

export async function setDataSharing(deps: Pick<ApiDeps, "db">, sellerId: string, enrolled: boolean): Promise<SellerSettings> {
  await setDataSharingEnrolled(deps.db, sellerId, enrolled);
  return getSettings(deps, sellerId);
}
