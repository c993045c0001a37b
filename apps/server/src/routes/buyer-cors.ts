import type { NextFunction, Request, Response } from "express";
import { trpcCallOf } from "../trpc-call";

/**
 * Lets the widget on a seller's marketing pages call the buyer procedures from the visitor's
 * browser. Only `buyer.*` procedures, only from the configured origins, never with cookies: the
 * buyer token travels in the Authorization header, so a page needs the token to act.
 */
export function buyerCors(origins: "*" | string[]) {
  const allowed = origins === "*" ? () => true : (origin: string) => origins.includes(origin);
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    // tRPC batches name several procedures in one path: every one must be a buyer's.
    const procedures = trpcCallOf(req)?.procedures ?? [];
    if (!origin || procedures.length === 0 || !procedures.every((procedure) => procedure.startsWith("buyer."))) return next();
    res.vary("Origin");
    if (allowed(origin)) res.set("Access-Control-Allow-Origin", origin);
    if (req.method !== "OPTIONS") return next();
    if (allowed(origin)) {
      res.set({
        "Access-Control-Allow-Methods": "GET, POST",
        "Access-Control-Allow-Headers": "authorization, content-type",
        "Access-Control-Max-Age": "600",
      });
    }
    res.status(204).end();
  };
}
