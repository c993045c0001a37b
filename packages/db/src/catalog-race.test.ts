import type { MigrationResultSet } from "kysely";
import { describe, expect, it } from "vitest";
import { untilCatalogSettles } from "./migrate";

/** A migrator's answers, one a call, and how many calls it took. */
function answers(...sets: MigrationResultSet[]) {
  let calls = 0;
  return {
    run: async () => sets[Math.min(calls++, sets.length - 1)] ?? { results: [] },
    calls: () => calls,
  };
}

const raced = { error: Object.assign(new Error('column "sha256" of relation "eula_documents" does not exist'), { code: "42703" }) };

describe("migrating while another schema changes", () => {
  it("reads the catalog again when a column vanished under Kysely's look at every schema", async () => {
    const migrator = answers(raced, raced, { results: [] });
    expect(await untilCatalogSettles(migrator.run)).toEqual({ results: [] });
    expect(migrator.calls()).toBe(3);
  });

  it("gives up after three looks, with the error", async () => {
    const migrator = answers(raced);
    expect(await untilCatalogSettles(migrator.run)).toBe(raced);
    expect(migrator.calls()).toBe(3);
  });

  it("never runs a failed migration again", async () => {
    const failed: MigrationResultSet = { error: raced.error, results: [{ migrationName: "0017-webhooks", direction: "Up", status: "Error" }] };
    const migrator = answers(failed, { results: [] });
    expect(await untilCatalogSettles(migrator.run)).toBe(failed);
    expect(migrator.calls()).toBe(1);
  });
});
