import { appRouter } from "@offerkit/api";
import type { Request, RequestHandler } from "express";
import type { ServerMetrics } from "./server-metrics";
import { trpcCallOf } from "../trpc-call";

/** Only the router's own procedure names become labels: a caller cannot invent new series. */
const knownProcedures = new Set(Object.keys(appRouter._def.procedures));

/** The route's pattern (`/eula/:sha256`), so labels stay few whatever paths are asked for. */
function routeOf(req: Request): string {
  const route: unknown = req.route;
  if (typeof route === "object" && route !== null && "path" in route && typeof route.path === "string") return `${req.baseUrl}${route.path}`;
  if (req.originalUrl.startsWith("/console")) return "/console";
  return "unmatched";
}

/** Counts and times every express request, per route pattern or, under /trpc, per procedure. */
export function requestMetrics(metrics: ServerMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.once("close", () => {
      const seconds = (performance.now() - started) / 1000;
      const status = String(res.statusCode);
      const call = trpcCallOf(req);
      if (call !== null) {
        for (const name of call.procedures.length > 0 ? call.procedures : [""]) {
          const procedure = knownProcedures.has(name) ? name : "unknown";
          metrics.procedureCalls.inc({ procedure, status });
          metrics.procedureSeconds.observe({ procedure }, seconds);
        }
        return;
      }
      const route = routeOf(req);
      metrics.requests.inc({ route, method: req.method, status });
      metrics.requestSeconds.observe({ route }, seconds);
    });
    next();
  };
}
