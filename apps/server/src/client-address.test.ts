import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever the header says", () => {
    expect(clientAddress("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
  });

  it("is the entry the trusted proxies added, not one the client wrote", () => {
    expect(clientAddress("10.0.0.2", "198.51.100.1", 1)).toBe("198.51.100.1");
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.1", 1)).toBe("198.51.100.1");
    expect(clientAddress("10.0.0.3", "6.6.6.6, 198.51.100.1, 10.0.0.2", 2)).toBe("198.51.100.1");
  });

  it("falls back to what there is when the header is short or missing", () => {
    expect(clientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddress("10.0.0.2", "198.51.100.1", 3)).toBe("198.51.100.1");
    expect(clientAddress("10.0.0.2", " , ", 1)).toBe("10.0.0.2");
  });
});
