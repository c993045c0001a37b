import { OfferkitError } from "@offerkit/core";
import { trpcCodeOf } from "@offerkit/api";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ErrorRequestHandler, Response } from "express";

/** The same codes and statuses as tRPC errors, for the plain HTTP routes. */
export function sendError(res: Response, error: OfferkitError): void {
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: trpcCodeOf[error.code] }));
  res.status(status).json({ error: { code: error.code, message: error.message, issues: error.issues } });
}

export const handleErrors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof OfferkitError) {
    sendError(res, error);
    return;
  }
  console.error(JSON.stringify({ level: "error", msg: "request failed", error: error instanceof Error ? error.message : String(error) }));
  sendError(res, new OfferkitError("INTERNAL"));
};
