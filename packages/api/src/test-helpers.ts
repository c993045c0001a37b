import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { describeError } from "./errors";

/** Awaits a call that must fail and returns what a client would read: code, message, issues. */
export async function failure(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the call should have failed").toBeInstanceOf(TRPCError);
  const trpcError = error as TRPCError;
  const { message, data } = describeError(trpcError);
  return { trpcCode: trpcError.code, code: data.offerkitCode, message, issues: data.issues, paths: data.issues.map((i) => i.path.join(".")) };
}
