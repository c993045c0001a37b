import type { RequestHandler } from "express";
import type { Logger } from "./logger";
import { requestIdOf } from "./request-id";

/** Probes answer many times a minute: their lines are kept for debugging only. */
const PROBES = new Set(["/healthz", "/readyz", "/metrics"]);

/**
 * Gives every request its ID (echoed as X-Request-Id) and writes one line when it ends: method,
 * path without its query string (and without an invitation's token), status and duration.
 * Headers and bodies are never logged.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const reqId = requestIdOf(req);
    res.setHeader("X-Request-Id", reqId);
    const started = performance.now();
    // An invitation link's token lets its holder in once: it is never written down.
    const path = req.path.startsWith("/i/") ? "/i/:token" : req.path;
    res.once("close", () => {
      const line = {
        reqId,
        method: req.method,
        path,
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        ...(res.writableFinished ? {} : { aborted: true }),
      };
      if (PROBES.has(path)) logger.debug(line, "request");
      else logger.info(line, "request");
    });
    next();
  };
}
