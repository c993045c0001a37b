import { OfferkitError, unstorableTextIssue, type Scope } from "@offerkit/core";
import { isImmutableOfferViolation } from "@offerkit/db";
import { initTRPC } from "@trpc/server";
import { requireBuyer, requireSeller } from "./auth/authorize";
import type { Context } from "./context";
import { describeError, toTRPCError } from "./errors";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, path }) {
    const { message, data } = describeError(error, path);
    return { ...shape, message, data: { ...shape.data, stack: undefined, ...data } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Services throw OfferkitError; here, once, it becomes the tRPC error its code maps to. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const { cause } = result.error;
  if (cause instanceof OfferkitError) throw toTRPCError(cause);
  // The database's own guard fired: the same answer the service gives, whichever caught it first.
  if (isImmutableOfferViolation(cause)) throw toTRPCError(new OfferkitError("OFFER_IMMUTABLE"));
  return result;
});

/** An upload's fields as the text they carry: its strings, and each file's name. */
function formFields(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form.entries()) fields[key] = typeof value === "string" ? value : value.name;
  return fields;
}

/** Every call's input, before its own schema reads it: text a database cannot store is refused here, whatever the field. */
const refuseUnstorableText = t.middleware(async ({ getRawInput, next }) => {
  const raw = await getRawInput();
  const issue = unstorableTextIssue(raw instanceof FormData ? formFields(raw) : raw);
  if (issue) throw new OfferkitError("VALIDATION_FAILED", `${issue.path.join(".") || "input"}: ${issue.message}`, [issue]);
  return next();
});

/** Anyone may call it. */
export const publicProcedure = t.procedure.use(mapErrors).use(refuseUnstorableText);

/** A seller's API key, any scope. */
export const sellerProcedure = publicProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, principal: requireSeller(ctx.principal) } }));

/** A seller's API key that carries one of `anyOf` (or `admin`). */
export function scopedProcedure(...anyOf: [Scope, ...Scope[]]) {
  return publicProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, principal: requireSeller(ctx.principal, ...anyOf) } }));
}

/** A buyer token, bound to one marketplace account. */
export const buyerProcedure = publicProcedure.use(({ ctx, next }) => next({ ctx: { ...ctx, principal: requireBuyer(ctx.principal) } }));
