import { OfferkitError, parseReportFileName } from "@offerkit/core";
import { dailyRefTagReport, requireSeller, weeklyRefTagReport, type ApiDeps } from "@offerkit/api";
import { Router } from "express";
import type { CallerOf } from "../caller";

/** `GET /reports/<file name>.csv`: a ref-tag report as a file (`marketing:read`). */
export function reportDownloads(deps: ApiDeps, callerOf: CallerOf): Router {
  const routes = Router();
  routes.get("/reports/:fileName", async (req, res) => {
    const principal = requireSeller(await callerOf(req, res), "marketing:read");
    const wanted = parseReportFileName(req.params.fileName);
    if (!wanted) throw new OfferkitError("NOT_FOUND", "Reports are reftag_daily_breakdown_report_YYYY-MM-DD.csv or weekly_reftag_report_YYYY-MM-DD.csv");
    const report = wanted.kind === "daily" ? await dailyRefTagReport(deps, principal.sellerId, wanted.date) : await weeklyRefTagReport(deps, principal.sellerId, wanted.date);
    if (!report.available) throw new OfferkitError("NOT_FOUND", report.reason);
    res
      .status(200)
      .type("text/csv; charset=utf-8")
      .set({ "Content-Disposition": `attachment; filename="${report.fileName}"`, "Cache-Control": "private, no-store" })
      .send(report.csv);
  });
  return routes;
}
