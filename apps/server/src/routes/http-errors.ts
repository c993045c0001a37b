import { errorMessage, OfferkitError } from "@offerkit/core";
import { trpcCodeOf } from "@offerkit/api";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ErrorRequestHandler, Response } from "express";
import type { Logger } from "../observability/logger";
import { requestIdOf } from "../observability/request-id";

/** The same codes and statuses as tRPC errors, for the plain HTTP routes. */
export function sendError(res: Response, error: OfferkitError): void {
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: trpcCodeOf[error.code] }));
  res.status(status).json({ error: { code: error.code, message: error.message, issues: error.issues } });
}

export function handleErrors(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    // A response already under way (a download whose stream failed) cannot change its status:
    // it is cut short, so the client sees it incomplete, and the cause is logged.
    if (res.headersSent) {
      logger.error({ reqId: requestIdOf(req), path: req.path, error: errorMessage(error) }, "response failed midway");
      res.destroy();
      return;
    }
    if (error instanceof OfferkitError) {
      sendError(res, error);
      return;
    }
    // Express decodes a route's parameters and throws URIError on a malformed escape: the
    // client's mistake, answered as such and not logged as a failure.
    if (error instanceof URIError) {
      sendError(res, new OfferkitError("VALIDATION_FAILED", "The path's URL-encoding is malformed", [{ path: ["path"], message: "Malformed URL-encoding" }]));
      return;
    }
    logger.error({ reqId: requestIdOf(req), path: req.path, error: errorMessage(error) }, "request failed");
    sendError(res, new OfferkitError("INTERNAL"));
  };
}
