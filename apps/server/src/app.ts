import { appRouter, type ApiDeps } from "@offerkit/api";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type Express } from "express";
import { createCallerOf } from "./caller";
import { buyerLimits } from "./limits/buyer-limits";
import { createRateLimiter, type RateLimiter } from "./limits/rate-limiter";
import { createLogger, type Logger } from "./observability/logger";
import { requestIdOf } from "./observability/request-id";
import { requestLog } from "./observability/request-log";
import { requestMetrics } from "./observability/request-metrics";
import type { ServerMetrics } from "./observability/server-metrics";
import { buyerCors } from "./routes/buyer-cors";
import { buyerPageRoutes } from "./routes/buyer-page/buyer-routes";
import { consoleApp } from "./routes/console-app";
import { contactExport } from "./routes/contact-export";
import { eulaDownloads } from "./routes/eula-downloads";
import { health } from "./routes/health";
import { handleErrors } from "./routes/http-errors";
import { reportDownloads } from "./routes/report-downloads";
import { trpcCallOf, trpcCallResolver } from "./trpc-call";
import { createTrpcContext } from "./trpc-context";

/** The largest body of any call but the EULA upload: far above any offer, batch included. */
const MAX_CALL_BODY_BYTES = 1024 * 1024;

/** Room for the multipart envelope around a EULA of the largest allowed size. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The express app: tRPC at /trpc, downloads, the buyer page, the console, health and readiness. */
export interface AppOptions {
  /** Origins whose pages may call the buyer procedures (the widget); none by default. */
  corsOrigins?: "*" | string[];
  /** The console's built files; without it, no console is served. */
  consoleDir?: string;
  /** Where request and error lines go; silent without one. */
  logger?: Logger;
  /** How long /readyz waits for the database. */
  readyTimeoutMs?: number;
  /** Rate limits on the buyer procedures and on calls with an unknown credential; none without them. */
  limits?: { buyer: RateLimiter; contacts: RateLimiter; authFailures: RateLimiter };
  /** Proxies in front whose X-Forwarded-For entries name the client (see `clientAddress`). */
  trustedProxies?: number;
  /** Request metrics, served at /metrics; none without them. */
  metrics?: ServerMetrics;
}

const DEFAULT_READY_TIMEOUT_MS = 2000;

export function createApp(deps: ApiDeps, options: AppOptions = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("etag", false);

  const logger = options.logger ?? createLogger("silent");
  const callerOf = createCallerOf(deps, { authFailures: options.limits?.authFailures ?? createRateLimiter(0), trustedProxies: options.trustedProxies ?? 0 });
  const createContext = createTrpcContext(deps, callerOf);
  app.use(requestLog(logger));
  if (options.metrics) app.use(requestMetrics(options.metrics));
  app.use(health(deps, options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS, options.metrics?.registry));

  // Which procedures a call names is decided once, before CORS and the limits read it.
  app.use("/trpc", trpcCallResolver());
  app.use("/trpc", buyerCors(options.corsOrigins ?? []));
  if (options.limits) app.use("/trpc", buyerLimits(options.limits, options.trustedProxies ?? 0, options.metrics?.rateLimited));
  const trpcWithBodyLimit = (maxBodySize: number) =>
    createExpressMiddleware({
      router: appRouter,
      createContext,
      // tRPC stops reading a body past this size, so an oversized request is never buffered whole.
      maxBodySize,
      onError: ({ error, path, req }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          logger.error({ reqId: requestIdOf(req), procedure: path, error: error.cause?.message ?? error.message }, "procedure failed");
        }
      },
    });
  // Only the EULA upload may carry megabytes; every other call is a small JSON document.
  const uploads = trpcWithBodyLimit(deps.config.eulaMaxBytes + MULTIPART_OVERHEAD);
  const calls = trpcWithBodyLimit(MAX_CALL_BODY_BYTES);
  app.use("/trpc", (req, res, next) => (trpcCallOf(req)?.procedures.join() === "eula.upload" ? uploads : calls)(req, res, next));
  app.use(eulaDownloads(deps, callerOf));
  app.use(reportDownloads(deps, callerOf));
  app.use(contactExport(deps, callerOf));
  app.use(buyerPageRoutes(deps, { ...(options.limits ? { limiter: options.limits.buyer } : {}), trustedProxies: options.trustedProxies ?? 0 }));
  if (options.consoleDir) app.use(consoleApp(options.consoleDir));
  app.use((_req, res) => {
    res.status(404).json({ error: { code: "NOT_FOUND", message: "No such route", issues: [] } });
  });
  app.use(handleErrors(logger));
  return app;
}
