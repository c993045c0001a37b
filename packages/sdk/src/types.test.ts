import type { RouterInputs, RouterOutputs } from "@offerkit/api";
import type { ErrorCode } from "@offerkit/core";
import { describe, expectTypeOf, it } from "vitest";
import type { OfferkitErrorCode } from "./errors";
import type { OfferkitClient } from "./types";

type In<F> = F extends (input: infer I, ...rest: never[]) => unknown ? I : never;
type Out<F> = F extends (...args: never[]) => Promise<infer O> ? O : never;

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The methods (dotted paths) whose input or output differs from the router's, walking the whole client. */
type Mismatches<C, I, O, P extends string = ""> = {
  [K in keyof C & keyof I & string]: C[K] extends (...args: infer Args) => Promise<infer Y>
    ?
        | (Equal<Exclude<Args[0], undefined>, Exclude<I[K], void | undefined>> extends true ? never : `${P}${K} (input)`)
        | (Equal<Y, K extends keyof O ? O[K] : never> extends true ? never : `${P}${K} (output)`)
    : Mismatches<C[K], I[K], K extends keyof O ? O[K] : never, `${P}${K}.`>;
}[keyof C & keyof I & string];

/**
 * The SDK's public types are written with @offerkit/core's types, so its declarations need no
 * server package; these checks (run by `tsc`) prove they are the router's own, both ways.
 */
describe("the SDK's types are the router's", () => {
  it("for every method the client shares with the router, walked whole: only the upload differs, taking a file", () => {
    expectTypeOf<Mismatches<OfferkitClient, RouterInputs, RouterOutputs>>().toEqualTypeOf<"eula.upload (input)">();
  });

  it("for products", () => {
    expectTypeOf<In<OfferkitClient["products"]["create"]>>().toEqualTypeOf<RouterInputs["products"]["create"]>();
    expectTypeOf<In<OfferkitClient["products"]["update"]>>().toEqualTypeOf<RouterInputs["products"]["update"]>();
    expectTypeOf<In<OfferkitClient["products"]["get"]>>().toEqualTypeOf<RouterInputs["products"]["get"]>();
    expectTypeOf<Out<OfferkitClient["products"]["get"]>>().toEqualTypeOf<RouterOutputs["products"]["get"]>();
    expectTypeOf<Out<OfferkitClient["products"]["list"]>>().toEqualTypeOf<RouterOutputs["products"]["list"]>();
    expectTypeOf<In<OfferkitClient["products"]["setSupportConnection"]>>().toEqualTypeOf<RouterInputs["products"]["setSupportConnection"]>();
  });

  it("for offers", () => {
    expectTypeOf<In<OfferkitClient["offers"]["create"]>>().toEqualTypeOf<RouterInputs["offers"]["create"]>();
    expectTypeOf<In<OfferkitClient["offers"]["update"]>>().toEqualTypeOf<RouterInputs["offers"]["update"]>();
    expectTypeOf<NonNullable<Parameters<OfferkitClient["offers"]["list"]>[0]>>().toEqualTypeOf<
      Exclude<RouterInputs["offers"]["list"], void | undefined>
    >();
    expectTypeOf<In<OfferkitClient["offers"]["send"]>>().toEqualTypeOf<RouterInputs["offers"]["send"]>();
    expectTypeOf<Out<OfferkitClient["offers"]["get"]>>().toEqualTypeOf<RouterOutputs["offers"]["get"]>();
    expectTypeOf<Out<OfferkitClient["offers"]["list"]>>().toEqualTypeOf<RouterOutputs["offers"]["list"]>();
    expectTypeOf<Out<OfferkitClient["offers"]["send"]>>().toEqualTypeOf<RouterOutputs["offers"]["send"]>();
    expectTypeOf<In<OfferkitClient["offers"]["republish"]>>().toEqualTypeOf<RouterInputs["offers"]["republish"]>();
    expectTypeOf<Out<OfferkitClient["offers"]["republish"]>>().toEqualTypeOf<RouterOutputs["offers"]["republish"]>();
    expectTypeOf<Out<OfferkitClient["offers"]["delete"]>>().toEqualTypeOf<RouterOutputs["offers"]["delete"]>();
    expectTypeOf<In<OfferkitClient["offers"]["get"]>>().toEqualTypeOf<RouterInputs["offers"]["get"]>();
    expectTypeOf<In<OfferkitClient["offers"]["copyAsDraft"]>>().toEqualTypeOf<RouterInputs["offers"]["copyAsDraft"]>();
  });

  it("for EULAs, buyers and admin", () => {
    expectTypeOf<Out<OfferkitClient["eula"]["upload"]>>().toEqualTypeOf<RouterOutputs["eula"]["upload"]>();
    expectTypeOf<Out<OfferkitClient["buyer"]["offers"]["get"]>>().toEqualTypeOf<RouterOutputs["buyer"]["offers"]["get"]>();
    expectTypeOf<In<OfferkitClient["buyer"]["offers"]["accept"]>>().toEqualTypeOf<RouterInputs["buyer"]["offers"]["accept"]>();
    expectTypeOf<Out<OfferkitClient["buyer"]["offers"]["accept"]>>().toEqualTypeOf<RouterOutputs["buyer"]["offers"]["accept"]>();
    expectTypeOf<Out<OfferkitClient["buyer"]["banner"]>>().toEqualTypeOf<RouterOutputs["buyer"]["banner"]>();
    expectTypeOf<Out<OfferkitClient["admin"]["apiKeys"]["create"]>>().toEqualTypeOf<RouterOutputs["admin"]["apiKeys"]["create"]>();
    expectTypeOf<Out<OfferkitClient["admin"]["apiKeys"]["list"]>>().toEqualTypeOf<RouterOutputs["admin"]["apiKeys"]["list"]>();
    expectTypeOf<In<OfferkitClient["admin"]["buyerTokens"]["issue"]>>().toEqualTypeOf<RouterInputs["admin"]["buyerTokens"]["issue"]>();
    expectTypeOf<Out<OfferkitClient["admin"]["settings"]["get"]>>().toEqualTypeOf<RouterOutputs["admin"]["settings"]["get"]>();
    expectTypeOf<Out<OfferkitClient["admin"]["whoami"]>>().toEqualTypeOf<RouterOutputs["admin"]["whoami"]>();
    expectTypeOf<In<OfferkitClient["admin"]["apiKeys"]["revoke"]>>().toEqualTypeOf<RouterInputs["admin"]["apiKeys"]["revoke"]>();
    expectTypeOf<Out<OfferkitClient["admin"]["apiKeys"]["revoke"]>>().toEqualTypeOf<RouterOutputs["admin"]["apiKeys"]["revoke"]>();
    expectTypeOf<In<OfferkitClient["admin"]["settings"]["setDataSharing"]>>().toEqualTypeOf<RouterInputs["admin"]["settings"]["setDataSharing"]>();
    expectTypeOf<In<OfferkitClient["eula"]["get"]>>().toEqualTypeOf<RouterInputs["eula"]["get"]>();
    expectTypeOf<In<OfferkitClient["buyer"]["subscriptions"]["cancel"]>>().toEqualTypeOf<RouterInputs["buyer"]["subscriptions"]["cancel"]>();
    expectTypeOf<In<OfferkitClient["buyer"]["contacts"]["delete"]>>().toEqualTypeOf<RouterInputs["buyer"]["contacts"]["delete"]>();
    expectTypeOf<In<OfferkitClient["buyer"]["banner"]>>().toEqualTypeOf<RouterInputs["buyer"]["banner"]>();
  });

  it("for subscriptions, usage, support and contacts", () => {
    expectTypeOf<In<OfferkitClient["buyer"]["subscriptions"]["subscribe"]>>().toEqualTypeOf<RouterInputs["buyer"]["subscriptions"]["subscribe"]>();
    expectTypeOf<Out<OfferkitClient["buyer"]["subscriptions"]["list"]>>().toEqualTypeOf<RouterOutputs["buyer"]["subscriptions"]["list"]>();
    expectTypeOf<In<OfferkitClient["buyer"]["contacts"]["share"]>>().toEqualTypeOf<RouterInputs["buyer"]["contacts"]["share"]>();
    expectTypeOf<Out<OfferkitClient["buyer"]["contacts"]["share"]>>().toEqualTypeOf<RouterOutputs["buyer"]["contacts"]["share"]>();
    expectTypeOf<In<OfferkitClient["usage"]["report"]>>().toEqualTypeOf<RouterInputs["usage"]["report"]>();
    expectTypeOf<Out<OfferkitClient["usage"]["report"]>>().toEqualTypeOf<RouterOutputs["usage"]["report"]>();
    expectTypeOf<Out<OfferkitClient["support"]["lookup"]>>().toEqualTypeOf<RouterOutputs["support"]["lookup"]>();
    expectTypeOf<In<OfferkitClient["support"]["lookup"]>>().toEqualTypeOf<RouterInputs["support"]["lookup"]>();
    expectTypeOf<Out<OfferkitClient["support"]["auditLog"]>>().toEqualTypeOf<RouterOutputs["support"]["auditLog"]>();
    expectTypeOf<Out<OfferkitClient["contacts"]["changes"]>>().toEqualTypeOf<RouterOutputs["contacts"]["changes"]>();
    expectTypeOf<Out<OfferkitClient["contacts"]["exportCsv"]>>().toEqualTypeOf<RouterOutputs["contacts"]["exportCsv"]>();
  });

  it("for links, marketing and reports", () => {
    expectTypeOf<In<OfferkitClient["links"]["build"]>>().toEqualTypeOf<RouterInputs["marketing"]["buildLink"]>();
    expectTypeOf<Out<OfferkitClient["links"]["build"]>>().toEqualTypeOf<RouterOutputs["marketing"]["buildLink"]>();
    expectTypeOf<In<OfferkitClient["marketing"]["stats"]>>().toEqualTypeOf<RouterInputs["marketing"]["stats"]>();
    expectTypeOf<Out<OfferkitClient["marketing"]["stats"]>>().toEqualTypeOf<RouterOutputs["marketing"]["stats"]>();
    expectTypeOf<In<OfferkitClient["marketing"]["summary"]>>().toEqualTypeOf<RouterInputs["marketing"]["summary"]>();
    expectTypeOf<Out<OfferkitClient["marketing"]["summary"]>>().toEqualTypeOf<RouterOutputs["marketing"]["summary"]>();
    expectTypeOf<In<OfferkitClient["marketing"]["recordConversion"]>>().toEqualTypeOf<RouterInputs["marketing"]["recordConversion"]>();
    expectTypeOf<Out<OfferkitClient["marketing"]["recordConversion"]>>().toEqualTypeOf<RouterOutputs["marketing"]["recordConversion"]>();
    expectTypeOf<Out<OfferkitClient["reports"]["daily"]>>().toEqualTypeOf<RouterOutputs["reports"]["daily"]>();
    expectTypeOf<In<OfferkitClient["reports"]["weekly"]>>().toEqualTypeOf<RouterInputs["reports"]["weekly"]>();
    expectTypeOf<In<OfferkitClient["reports"]["daily"]>>().toEqualTypeOf<RouterInputs["reports"]["daily"]>();
  });
});

describe("the SDK's error codes", () => {
  it("are core's errorCodes and the SDK's three", () => {
    expectTypeOf<OfferkitErrorCode>().toEqualTypeOf<ErrorCode | "NETWORK_ERROR" | "TIMEOUT" | "BAD_RESPONSE">();
  });
});
