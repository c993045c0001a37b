import type { IncomingMessage, ServerResponse } from "node:http";
import { toTRPCError, type ApiDeps, type Context } from "@offerkit/api";
import { OfferkitError } from "@offerkit/core";
import { TRPCError } from "@trpc/server";
import type { CallerOf } from "./caller";
import { visitorIdOf } from "./tracking/visitor-cookie";
import { trpcCallOf } from "./trpc-call";

/** The tRPC context of an HTTP request: who calls (see `CallerOf`) and the visitor's tracking cookie. */
export function createTrpcContext(deps: ApiDeps, callerOf: CallerOf) {
  return async ({ req, res, info }: { req: IncomingMessage; res: ServerResponse; info: { calls: readonly { path: string }[] } }): Promise<Context> => {
    // tRPC resolves the path itself; were it ever to read another procedure than the limits and
    // CORS did, the call is refused rather than let through unlimited.
    const resolved = trpcCallOf(req)?.procedures ?? [];
    if (info.calls.length !== resolved.length || info.calls.some((call, index) => call.path !== resolved[index])) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "The procedure path could not be resolved" });
    }
    try {
      return { deps, principal: await callerOf(req, res), visitorId: visitorIdOf(req.headers.cookie) };
    } catch (error) {
      // Thrown before any procedure runs, so the procedures' own error mapping never sees it.
      if (error instanceof OfferkitError) throw toTRPCError(error);
      throw error;
    }
  };
}
