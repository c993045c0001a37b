import { call, idempotent, type ClientContext } from "../context";
import type { UsageResource } from "../types/usage";

/** Metering records for usage-priced products. */
export function usageResource({ trpc }: ClientContext): UsageResource {
  return {
    report: (input) => call(() => trpc.usage.report.mutate(input, idempotent)),
  };
}
