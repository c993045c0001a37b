import type { IncomingMessage } from "node:http";
import type { Request, RequestHandler } from "express";

/** Which procedures a request under /trpc calls: decided once, here, for every part of the server. */
export interface TrpcCall {
  /** The path's last segment, still URL-encoded: what tRPC reads the procedure from. */
  rawPath: string;
  /** The procedures called, several for a batch; none when the path's encoding is malformed (tRPC answers that 400). */
  procedures: string[];
}

/**
 * The call as tRPC's express adapter resolves it: the last segment of the path (so
 * `/trpc/x/buyer.a` and `/trpc//buyer.a` call `buyer.a`), URL-decoded (`%62uyer.a` too), split on
 * commas only for a batch (`?batch=1`, the first `batch` parameter as URLSearchParams reads it).
 */
export function resolveTrpcCall(req: Pick<Request, "path" | "url">): TrpcCall {
  const rawPath = req.path.slice(req.path.lastIndexOf("/") + 1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { rawPath, procedures: [] };
  }
  const query = req.url.indexOf("?");
  const batch = query !== -1 && new URLSearchParams(req.url.slice(query + 1)).get("batch") === "1";
  return { rawPath, procedures: batch ? decoded.split(",") : [decoded] };
}

const resolved = new WeakMap<IncomingMessage, TrpcCall>();

/** Resolves the call of each request under /trpc once, for the limits, CORS, metrics and tRPC's context. */
export function trpcCallResolver(): RequestHandler {
  return (req, _res, next) => {
    resolved.set(req, resolveTrpcCall(req));
    next();
  };
}

/** The call `trpcCallResolver` resolved for this request; null outside /trpc. */
export function trpcCallOf(req: IncomingMessage): TrpcCall | null {
  return resolved.get(req) ?? null;
}
