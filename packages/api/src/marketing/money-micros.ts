import { fromUnits, toUnits } from "@offerkit/core";

const NANO_PER_MICRO = 100n;

/** "1250.5" -> 1250500000n micro-dollars (the string has at most 6 decimals, by its schema). */
export function toMicros(usd: string): bigint {
  return toUnits(usd) / NANO_PER_MICRO;
}

/** 1250500000n -> "1250.50" */
export function fromMicros(micros: bigint): string {
  return fromUnits(micros * NANO_PER_MICRO, 2);
}
