import { createSeller, listSellers, randomIds, systemClock } from "@offerkit/api";
import { z } from "zod";
import type { ServerConfig } from "../config";
import { withCurrentDatabase } from "./admin-database";
import type { CommandOutput } from "./command-output";

const sellerNameSchema = z.string().trim().min(1, "--name must not be empty").max(100, "--name must be at most 100 characters");

/** `sellers create --name <name> [--data-sharing]`: a new seller and its first admin key, shown once. */
export async function createSellerCommand(config: ServerConfig, options: { name: string | undefined; dataSharing: boolean }, out: CommandOutput): Promise<void> {
  const name = sellerNameSchema.parse(options.name ?? "");
  const created = await withCurrentDatabase(config, (database) =>
    createSeller({ db: database.db, clock: systemClock, ids: randomIds }, { name, dataSharingEnrolled: options.dataSharing }),
  );
  out.json({ sellerId: created.sellerId, adminKey: created.adminKey });
  out.text(`Created seller "${name}" (${created.sellerId}). Its admin key, shown only this once:\n\n  ${created.adminKey.secret}\n`);
}

/** `sellers list`: every seller, with its number of working keys. */
export async function listSellersCommand(config: ServerConfig, out: CommandOutput): Promise<void> {
  const sellers = await withCurrentDatabase(config, (database) => listSellers({ db: database.db }));
  out.json(sellers);
  if (sellers.length === 0) {
    out.text("No sellers yet: `offerkit-admin sellers create --name <name>` makes one.");
    return;
  }
  out.table(
    ["ID", "NAME", "ACTIVE KEYS", "DATA SHARING", "CREATED"],
    sellers.map((seller) => [seller.id, seller.name, String(seller.activeKeys), seller.dataSharingEnrolled ? "enrolled" : "no", seller.createdAt]),
  );
}
