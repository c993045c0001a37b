import { testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi } from "../testing";
import { ensureDemoSeller } from "./bootstrap";

const BOOTSTRAP_SECRET = "bootstrap-secret-0123456789";

describe.each(testDialects())("the demo seller's bootstrap key on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  it("is made once, safe to ensure at every start", async () => {
    await ensureDemoSeller(api.deps, BOOTSTRAP_SECRET);
    await ensureDemoSeller(api.deps, BOOTSTRAP_SECRET);
    const admin = await api.callerFor(BOOTSTRAP_SECRET);
    const keys = await admin.admin.apiKeys.list();
    expect(keys.filter((key) => key.scopes.includes("admin"))).toHaveLength(1);
    expect((await admin.products.list({ limit: 100 })).items.length).toBeGreaterThan(0);
  });

  it("once revoked, stops the start with the setting's name and the fix, and is not brought back", async () => {
    const admin = await api.callerFor(BOOTSTRAP_SECRET);
    const [key] = (await admin.admin.apiKeys.list()).filter((listed) => listed.scopes.includes("admin"));
    if (!key) throw new Error("the bootstrap key is missing");
    await admin.admin.apiKeys.revoke({ keyId: key.id });
    await expect(ensureDemoSeller(api.deps, BOOTSTRAP_SECRET)).rejects.toThrow(
      /^OFFERKIT_BOOTSTRAP_KEY is a key that was revoked \(.+\): set OFFERKIT_BOOTSTRAP_KEY to a new secret, or unset it, and start again$/,
    );
    await expect((await api.callerFor(BOOTSTRAP_SECRET)).offers.list({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    // A new secret is taken, for the same demo seller.
    await ensureDemoSeller(api.deps, `${BOOTSTRAP_SECRET}-new`);
    const demoKeys = await (await api.callerFor(`${BOOTSTRAP_SECRET}-new`)).admin.apiKeys.list();
    expect(demoKeys.map((listed) => listed.id)).toContain(key.id);
  });

  it("refuses another seller's key, naming the setting and the fix", async () => {
    const other = await api.newSeller("acme");
    await expect(ensureDemoSeller(api.deps, other.adminSecret)).rejects.toThrow(
      `OFFERKIT_BOOTSTRAP_KEY is a key of seller ${other.sellerId}, not of the demo seller: set OFFERKIT_BOOTSTRAP_KEY to a new secret, or unset it, and start again`,
    );
  });
});
