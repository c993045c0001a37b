import { OfferkitError, contactChangesInputSchema } from "@offerkit/core";
import { exportContactsCsv, requireSeller, type ApiDeps } from "@offerkit/api";
import { Router } from "express";
import type { CallerOf } from "../caller";

/**
 * `GET /contacts/export.csv?since=<cursor>`: support contacts in the marketplace's CSV columns
 * (`contacts:read`). The next cursor comes back in `X-Next-Cursor`; contacts left out because
 * they cannot be read (their key lost) are named in `X-Unreadable-Contacts`.
 */
export function contactExport(deps: ApiDeps, callerOf: CallerOf): Router {
  const routes = Router();
  routes.get("/contacts/export.csv", async (req, res) => {
    const principal = requireSeller(await callerOf(req, res), "contacts:read");
    const since = typeof req.query.since === "string" ? req.query.since : undefined;
    const input = contactChangesInputSchema.safeParse({ since, limit: 1000 });
    if (!input.success) throw new OfferkitError("VALIDATION_FAILED", "`since` is the cursor of a previous export", [{ path: ["since"], message: "Invalid cursor" }]);
    const exported = await exportContactsCsv(deps, principal.sellerId, input.data);
    res
      .status(200)
      .type("text/csv; charset=utf-8")
      .set({
        "Content-Disposition": 'attachment; filename="support_contacts.csv"',
        "Cache-Control": "private, no-store",
        "X-Next-Cursor": exported.nextCursor,
        ...(exported.unreadable.length > 0 ? { "X-Unreadable-Contacts": exported.unreadable.map((entry) => entry.contactId).join(",") } : {}),
      })
      .send(exported.csv);
  });
  return routes;
}
