import { describe, expect, it } from "vitest";
import { resolveTrpcCall } from "./trpc-call";

const resolve = (url: string) => resolveTrpcCall({ path: url.split("?", 1)[0] ?? "", url });

describe("which procedures a /trpc path calls", () => {
  it("reads the last segment, decoded, as tRPC does", () => {
    for (const url of ["/buyer.offers.list", "/x/buyer.offers.list", "//buyer.offers.list", "/%62uyer.offers.list", "/buyer%2Eoffers.list", "/offers.list/buyer.offers.list"]) {
      expect(resolve(url).procedures, url).toEqual(["buyer.offers.list"]);
    }
  });

  it("splits a batch only when the first batch parameter is 1", () => {
    expect(resolve("/buyer.banner,offers.list?batch=1").procedures).toEqual(["buyer.banner", "offers.list"]);
    expect(resolve("/buyer.banner%2Coffers.list?batch=1").procedures).toEqual(["buyer.banner", "offers.list"]);
    expect(resolve("/buyer.banner,offers.list").procedures).toEqual(["buyer.banner,offers.list"]);
    expect(resolve("/buyer.banner,offers.list?batch=0&batch=1").procedures).toEqual(["buyer.banner,offers.list"]);
  });

  it("names no procedure for a malformed encoding, and keeps the raw segment", () => {
    expect(resolve("/buyer.offers%E0%A4%A")).toEqual({ rawPath: "buyer.offers%E0%A4%A", procedures: [] });
  });
});
