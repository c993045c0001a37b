import { checkReadiness, type ApiDeps } from "@offerkit/api";
import { Router } from "express";
import type { MetricsRegistry } from "../observability/metrics";

/**
 * `/healthz`: the process is alive. `/readyz`: it can serve, i.e. the database answers within
 * the timeout and every migration is applied; 503 otherwise, so a load balancer skips it.
 * `/metrics`: this server's metrics in the Prometheus text format.
 */
export function health(deps: Pick<ApiDeps, "db">, readyTimeoutMs: number, metrics: MetricsRegistry | undefined): Router {
  const routes = Router();
  routes.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  routes.get("/readyz", async (_req, res) => {
    const readiness = await checkReadiness(deps.db, readyTimeoutMs);
    res.status(readiness.ready ? 200 : 503).set("Cache-Control", "no-store").json({ status: readiness.ready ? "ready" : "not ready", ...readiness });
  });
  if (metrics) {
    routes.get("/metrics", (_req, res) => {
      res.set({ "Content-Type": "text/plain; version=0.0.4; charset=utf-8", "Cache-Control": "no-store" }).send(metrics.render());
    });
  }
  return routes;
}
