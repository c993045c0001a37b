import { describe, expect, it } from "vitest";
import { resolveConfig } from "./config";
import { UsageError } from "./errors";

const env = { OFFERKIT_URL: "http://127.0.0.1:3000", OFFERKIT_API_KEY: "key-from-env" };

describe("resolveConfig", () => {
  it("reads the environment, and flags win over it", () => {
    expect(resolveConfig({}, env)).toEqual({ url: "http://127.0.0.1:3000", apiKey: "key-from-env" });
    expect(resolveConfig({ url: "https://offers.example.com", apiKey: "flag-key" }, env)).toEqual({
      url: "https://offers.example.com",
      apiKey: "flag-key",
    });
  });

  it.each([
    [{ OFFERKIT_URL: "http://x" }, "set OFFERKIT_API_KEY (or pass --api-key) to a seller API key"],
    [{ OFFERKIT_API_KEY: "k", OFFERKIT_URL: "" }, "set OFFERKIT_URL (or pass --url) to the server, e.g. http://127.0.0.1:3000"],
    [{}, "set OFFERKIT_URL and OFFERKIT_API_KEY (or pass --url and --api-key)"],
    [{ OFFERKIT_URL: "localhost:3000", OFFERKIT_API_KEY: "k" }, "OFFERKIT_URL is not an http(s) URL: localhost:3000"],
  ])("names what to set: %j", (partial, message) => {
    expect(() => resolveConfig({}, partial)).toThrow(new UsageError(message, null));
  });

  it("asks for no help page: the fix is a setting", () => {
    const thrown = (() => {
      try {
        return resolveConfig({}, {});
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(UsageError);
    expect(thrown).toMatchObject({ helpFor: null });
  });
});
