import { describe, expect, it } from "vitest";
import { noPositionals, onePositional, parseCommandArgs, positiveInteger, wantsHelp } from "./args";
import { UsageError } from "./errors";

const options = { name: { type: "string" }, account: { type: "string", multiple: true } } as const;

describe("parseCommandArgs", () => {
  it("parses the command's flags and the common ones", () => {
    const { values, positionals } = parseCommandArgs(
      ["offer-1", "--name", "Acme", "--account", "1", "--account", "2", "--json", "--url", "http://x"],
      options,
      "offers create",
    );
    expect(values).toMatchObject({ name: "Acme", account: ["1", "2"], json: true, url: "http://x" });
    expect(positionals).toEqual(["offer-1"]);
  });

  it.each([
    [["--colour"], "unknown flag --colour"],
    [["--name"], "--name needs a value"],
    [["--json=yes"], "--json takes no value"],
  ])("turns %j into a short usage error", (args, message) => {
    expect(() => parseCommandArgs(args, options, "offers create")).toThrow(new UsageError(message, "offers create"));
  });
});

describe("positionals", () => {
  it("takes exactly one argument when one is named", () => {
    expect(onePositional(["offer-1"], "offer ID", "offers show")).toBe("offer-1");
    expect(() => onePositional([], "offer ID", "offers show")).toThrow("missing offer ID");
    expect(() => onePositional(["a", "b"], "offer ID", "offers show")).toThrow("unexpected argument b");
    expect(() => noPositionals(["stray"], "offers list")).toThrow("unexpected argument stray");
  });
});

describe("wantsHelp", () => {
  it("sees --help and -h, but not after --", () => {
    expect(wantsHelp(["--json", "--help"])).toBe(true);
    expect(wantsHelp(["-h"])).toBe(true);
    expect(wantsHelp(["--", "--help"])).toBe(false);
  });
});

describe("positiveInteger", () => {
  it("accepts whole numbers from 1 and refuses the rest", () => {
    expect(positiveInteger(undefined, "--limit", "offers list")).toBeUndefined();
    expect(positiveInteger("25", "--limit", "offers list")).toBe(25);
    for (const bad of ["0", "-1", "2.5", "ten", ""]) {
      expect(() => positiveInteger(bad, "--limit", "offers list")).toThrow(UsageError);
    }
  });
});
