import { pipeline } from "node:stream/promises";
import { OfferkitError, accountIdSchema, offerIdSchema, sha256Schema } from "@offerkit/core";
import { readBuyerEula, readEula, readEulaCopy, requireBuyer, requireSeller, type ApiDeps, type EulaFile } from "@offerkit/api";
import { Router, type Request, type Response } from "express";
import type { CallerOf } from "../caller";

/**
 * Bytes exactly as stored, streamed (a large EULA is never held whole in memory), the hash a
 * client can check them by, saved as a file or, with `?view=1`, shown. A stream that fails
 * midway (a damaged file) ends the response short of its Content-Length, so no client takes it
 * for whole, and reaches the error handler, which logs it.
 */
export async function sendPdf(req: Request, res: Response, { document, body }: EulaFile): Promise<void> {
  const disposition = req.query.view === "1" ? "inline" : "attachment";
  res.status(200).type("application/pdf").set({
    "Content-Length": String(document.size),
    "Content-Disposition": `${disposition}; filename="${document.fileName.replace(/[^\w .-]/g, "_")}"`,
    "X-Content-SHA256": document.sha256,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
  await pipeline(body, res);
}

/**
 * EULA downloads, as plain HTTP so browsers and curl can save the file: `GET /eula/<sha256>`, the
 * original, for the seller (offers:read); `GET /buyer/offers/<id>/eula`, the buyer's stamped
 * copy, for a buyer; `GET /eula/offers/<id>/copies/<account>`, any targeted buyer's copy, for the
 * seller (offers:read).
 */
export function eulaDownloads(deps: ApiDeps, callerOf: CallerOf): Router {
  const routes = Router();
  routes.get("/eula/:sha256", async (req, res) => {
    const principal = requireSeller(await callerOf(req, res), "offers:read");
    const sha256 = sha256Schema.safeParse(req.params.sha256);
    if (!sha256.success) throw new OfferkitError("NOT_FOUND", "No such EULA");
    await sendPdf(req, res, await readEula(deps, principal.sellerId, sha256.data));
  });
  routes.get("/eula/offers/:offerId/copies/:account", async (req, res) => {
    const principal = requireSeller(await callerOf(req, res), "offers:read");
    const offerId = offerIdSchema.safeParse(req.params.offerId);
    const account = accountIdSchema.safeParse(req.params.account);
    if (!offerId.success || !account.success) throw new OfferkitError("NOT_FOUND", "No such copy");
    await sendPdf(req, res, await readEulaCopy(deps, principal.sellerId, offerId.data, account.data));
  });
  routes.get("/buyer/offers/:offerId/eula", async (req, res) => {
    const principal = requireBuyer(await callerOf(req, res));
    const offerId = offerIdSchema.safeParse(req.params.offerId);
    if (!offerId.success) throw new OfferkitError("NOT_FOUND", "No such offer");
    await sendPdf(req, res, await readBuyerEula(deps, principal, offerId.data));
  });
  return routes;
}
