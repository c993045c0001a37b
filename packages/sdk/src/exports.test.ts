import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { errorCodes } from "@offerkit/core";
import { describe, expect, it } from "vitest";
import { checkNamedTypes } from "../test/named-types";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const entries = ["index.d.ts", "node.d.ts", "index.d.cts", "node.d.cts"];

/** Over the built declarations, as a partner's compiler reads them (build the package first). */
describe.each(entries)("the built %s", (entry) => {
  const path = join(dist, entry);
  const report = existsSync(path) ? checkNamedTypes(path) : null;

  it("exists", () => {
    expect(report, `${path} is missing: build the SDK first`).not.toBeNull();
  });

  it("names every input and output of every method, and exports each type they use", () => {
    expect(report?.unnamed).toEqual([]);
    expect(report?.unexported).toEqual([]);
    expect(report?.exported).toEqual(expect.arrayContaining(["OfferPricing", "AgreementTerm", "OfferView", "UpdateOfferInput", "OfferIdInput"]));
  });

  it("knows every error code the server sends, and the three of its own", () => {
    expect(report?.literalsOf("OfferkitErrorCode")).toEqual([...Object.keys(errorCodes), "BAD_RESPONSE", "NETWORK_ERROR", "TIMEOUT"].sort());
  });
});
