import { OfferkitError, accountIdSchema, offerIdSchema, sha256Schema } from "@offerkit/core";
import { readBuyerEula, readEula, readEulaCopy, requireBuyer, requireSeller, type ApiDeps, type EulaFile } from "@offerkit/api";
import { Router, type Request, type Response } from "express";
import type { CallerOf } from "../caller";

/** Bytes exactly as stored, the hash a client can check them by, saved as a file or, with `?view=1`, shown. */
export function sendPdf(req: Request, res: Response, { document, bytes }: EulaFile): void {
  const disposition = req.query.view === "1" ? "inline" : "attachment";
  res
    .status(200)
    .type("application/pdf")
    .set({
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `${disposition}; filename="${document.fileName.replace(/[^\w .-]/g, "_")}"`,
      "X-Content-SHA256": document.sha256,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    })
    .end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
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
    sendPdf(req, res, await readEula(deps, principal.sellerId, sha256.data));
  });
  routes.get("/eula/offers/:offerId/copies/:account", async (req, res) => {
    const principal = requireSeller(await callerOf(req, res), "offers:read");
    const offerId = offerIdSchema.safeParse(req.params.offerId);
    const account = accountIdSchema.safeParse(req.params.account);
    if (!offerId.success || !account.success) throw new OfferkitError("NOT_FOUND", "No such copy");
    sendPdf(req, res, await readEulaCopy(deps, principal.sellerId, offerId.data, account.data));
  });
  routes.get("/buyer/offers/:offerId/eula", async (req, res) => {
    const principal = requireBuyer(await callerOf(req, res));
    const offerId = offerIdSchema.safeParse(req.params.offerId);
    if (!offerId.success) throw new OfferkitError("NOT_FOUND", "No such offer");
    sendPdf(req, res, await readBuyerEula(deps, principal, offerId.data));
  });
  return routes;
}
