import type { ClickWriter, PoolStats } from "@offerkit/db";
import { createMetricsRegistry, type Counter, type Histogram, type MetricsRegistry } from "./metrics";

/** Counts the redirect's answers by status: a Map of numbers, cheap enough for the hot path. */
export interface RedirectCounter {
  inc(status: number): void;
}

/** Every metric the server exposes at /metrics. */
export interface ServerMetrics {
  registry: MetricsRegistry;
  /** Express routes: `route` is the route's pattern, never the raw path. */
  requests: Counter;
  requestSeconds: Histogram;
  /** tRPC procedures, by name (`unknown` for a name the router does not have). */
  procedureCalls: Counter;
  procedureSeconds: Histogram;
  redirects: RedirectCounter;
  /** Requests refused by a rate limit, by limit. */
  rateLimited: Counter;
}

export interface MetricSources {
  /** Clicks answered and not yet written. */
  clickBufferDepth: () => number;
  /** The database pool, or null without one (SQLite). */
  poolStats: () => PoolStats | null;
}

export function createServerMetrics(sources: MetricSources): ServerMetrics & { timeClickWrites(writer: ClickWriter): ClickWriter } {
  const registry = createMetricsRegistry();
  const redirectCounts = new Map<number, number>();
  const clickFlushSeconds = registry.histogram("offerkit_click_flush_duration_seconds", "Time to write one batch of clicks to the database.");
  const clickFlushes = registry.counter("offerkit_click_flushes_total", "Click batches written, by outcome.");
  const metrics: ServerMetrics = {
    registry,
    requests: registry.counter("offerkit_http_requests_total", "HTTP requests served by express, by route pattern, method and status."),
    requestSeconds: registry.histogram("offerkit_http_request_duration_seconds", "HTTP request latency by route pattern."),
    procedureCalls: registry.counter("offerkit_trpc_calls_total", "tRPC procedure calls, by procedure and HTTP status."),
    procedureSeconds: registry.histogram("offerkit_trpc_call_duration_seconds", "tRPC request latency by procedure."),
    redirects: { inc: (status) => redirectCounts.set(status, (redirectCounts.get(status) ?? 0) + 1) },
    rateLimited: registry.counter("offerkit_rate_limited_total", "Requests refused by a rate limit, by limit."),
  };
  registry.collect("offerkit_redirects_total", "Tracking redirects answered, by status.", "counter", () =>
    [...redirectCounts].map(([status, value]) => ({ labels: { status: String(status) }, value })),
  );
  registry.collect("offerkit_click_buffer_depth", "Clicks answered and waiting to be written.", "gauge", () => [{ labels: {}, value: sources.clickBufferDepth() }]);
  registry.collect("offerkit_db_pool_connections", "PostgreSQL pool: connections by state, queries waiting, and the maximum.", "gauge", () => {
    const pool = sources.poolStats();
    if (!pool) return [];
    return [
      { labels: { state: "total" }, value: pool.total },
      { labels: { state: "idle" }, value: pool.idle },
      { labels: { state: "in_use" }, value: pool.total - pool.idle },
      { labels: { state: "waiting" }, value: pool.waiting },
      { labels: { state: "max" }, value: pool.max },
    ];
  });
  return {
    ...metrics,
    timeClickWrites: (writer) => ({
      async write(clicks) {
        const started = performance.now();
        try {
          const written = await writer.write(clicks);
          clickFlushes.inc({ outcome: "ok" });
          return written;
        } catch (error) {
          clickFlushes.inc({ outcome: "failed" });
          throw error;
        } finally {
          clickFlushSeconds.observe({}, (performance.now() - started) / 1000);
        }
      },
      close: () => writer.close(),
    }),
  };
}
