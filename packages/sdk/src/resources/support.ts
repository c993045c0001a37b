import { call, type ClientContext } from "../context";
import type { SupportResource } from "../types/support";

/** Eligibility lookups and their audit log. */
export function supportResource({ trpc }: ClientContext): SupportResource {
  return {
    lookup: (input) => call(() => trpc.support.lookup.query(input)),
    auditLog: (input) => call(() => trpc.support.auditLog.query(input)),
  };
}
