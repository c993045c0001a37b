import { parseDeepLinkPath } from "@offerkit/core";
import { describe, expect, it } from "vitest";
import { createPathCache } from "./path-cache";

describe("parsing tracking paths with a memory of recent ones", () => {
  const paths = [
    "/pp/B00635Y2IW/ref=ads_google_q3",
    "/pp/B00635Y2IW",
    "/pp/B0DEMO0002/ref=acme_ptnr_x/",
    "/pp/B00635Y2IW/ref=vdr_rf?aid=abcdefghijklmnop",
    "/pp/B00635Y2IW/ref=vdr_rf?aid=qrstuvwxyzABCDEF",
    "/pp//evil.example/ref=x",
    "/pp/B00635Y2IW/ref=x/..%2F..%2F%2Fevil.example",
  ];

  it("answers as the parser does, the first time and every time after, past the memory's size", () => {
    const read = createPathCache(2);
    for (let round = 0; round < 3; round += 1) {
      for (const path of paths) expect(read(path)).toEqual(parseDeepLinkPath(path));
    }
  });
});
