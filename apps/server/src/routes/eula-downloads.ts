import { OfferkitError, offerIdSchema, sha256Schema } from "@offerkit/core";
import { readBuyerEula, readEula, requireBuyer, requireSeller, type ApiDeps, type EulaFile } from "@offerkit/api";
import { Router, type Response } from "express";
import type { CallerOf } from "../caller";

function sendPdf(res: Response, { document, bytes }: EulaFile): void {
  // The original bytes, untouched; the hash lets a client check them.
  res
    .status(200)
    .type("application/pdf")
    .set({
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": `attachment; filename="${document.fileName.replace(/[^\w .-]/g, "_")}"`,
      "X-Content-SHA256": document.sha256,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    })
    .end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/**
 * EULA downloads, as plain HTTP so browsers and curl can save the file:
 * `GET /eula/<sha256>` for the seller (offers:read), `GET /buyer/offers/<id>/eula` for a buyer.
 */
export function eulaDownloads(deps: ApiDeps, callerOf: CallerOf): Router {
  const routes = Router();
  routes.get("/eula/:sha256", async (req, res) => {
    const principal = requireSeller(await callerOf(req, res), "offers:read");
    const sha256 = sha256Schema.safeParse(req.params.sha256);
    if (!sha256.success) throw new OfferkitError("NOT_FOUND", "No such EULA");
    sendPdf(res, await readEula(deps, principal.sellerId, sha256.data));
  });
  routes.get("/buyer/offers/:offerId/eula", async (req, res) => {
    const principal = requireBuyer(await callerOf(req, res));
    const offerId = offerIdSchema.safeParse(req.params.offerId);
    if (!offerId.success) throw new OfferkitError("NOT_FOUND", "No such offer");
    sendPdf(res, await readBuyerEula(deps, principal, offerId.data));
  });
  return routes;
}
