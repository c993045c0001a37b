import type { ContactDetails, contactDetailsSchema, FieldIssue as ServerFieldIssue, OfferBanner as ServerBanner } from "@offerkit/core";
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { FieldIssue, OfferBanner, SupportContact } from "../src/index";

// Checked by the type checker (`tsc`): the widget's own shapes may not drift from the server's.
describe("the widget's types", () => {
  it("send exactly the contact the server reads", () => {
    expectTypeOf<SupportContact>().toEqualTypeOf<z.input<typeof contactDetailsSchema>>();
    expectTypeOf<keyof SupportContact>().toEqualTypeOf<keyof ContactDetails>();
  });

  it("read the banner the server answers", () => {
    expectTypeOf<OfferBanner>().toEqualTypeOf<ServerBanner>();
    expectTypeOf<FieldIssue>().toEqualTypeOf<ServerFieldIssue>();
  });
});
