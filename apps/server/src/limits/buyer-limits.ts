import { bearerSecret, describeError } from "@offerkit/api";
import { TRPCError } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { NextFunction, Request, Response } from "express";
import { requestAddress } from "../client-address";
import type { Counter } from "../observability/metrics";
import type { RateLimiter } from "./rate-limiter";
import { trpcCallOf } from "../trpc-call";

/** The procedures by which a buyer shares, changes or erases a support contact. */
const CONTACT_WRITES = new Set(["buyer.contacts.share", "buyer.contacts.update", "buyer.contacts.delete"]);

/**
 * Rate limits on the buyer procedures, in front of tRPC: per buyer token (per address for a call
 * without one), and a tighter one on contact writes. A refused call gets 429, Retry-After and
 * the same error body tRPC would send, one per procedure of a batch, so every client reads it.
 */
export function buyerLimits(limits: { buyer: RateLimiter; contacts: RateLimiter }, trustedProxies: number, refused?: Counter) {
  return (req: Request, res: Response, next: NextFunction) => {
    const procedures = trpcCallOf(req)?.procedures ?? [];
    const buyerCalls = procedures.filter((procedure) => procedure.startsWith("buyer."));
    if (buyerCalls.length === 0 || req.method === "OPTIONS") return next();
    const key = bearerSecret(req.headers.authorization) ?? `address:${requestAddress(req, trustedProxies)}`;
    let wait = 0;
    let limit = "buyer";
    for (const procedure of buyerCalls) {
      const buyerWait = limits.buyer.take(key);
      const contactsWait = CONTACT_WRITES.has(procedure) ? limits.contacts.take(key) : 0;
      if (contactsWait > 0 && buyerWait === 0) limit = "contacts";
      wait = Math.max(wait, buyerWait, contactsWait);
    }
    if (wait === 0) return next();
    refused?.inc({ limit });
    const refusal = new TRPCError({ code: "TOO_MANY_REQUESTS", message: `Too many requests: try again in ${wait} s` });
    const errors = procedures.map((path) => {
      const { data } = describeError(refusal, path);
      return {
        error: {
          message: refusal.message,
          code: TRPC_ERROR_CODES_BY_KEY.TOO_MANY_REQUESTS,
          data: { code: "TOO_MANY_REQUESTS", httpStatus: 429, path, ...data },
        },
      };
    });
    res.status(429).set("Retry-After", String(wait)).json(req.query.batch === "1" ? errors : errors[0]);
  };
}
