import { readdirSync, statSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

describe("support contacts over real HTTP", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  it("makes its data key file once, readable by its owner only", () => {
    const mode = statSync(join(server.dataDir, "data.key")).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it("exports shared contacts as the marketplace's CSV, to contacts:read keys", async () => {
    const admin = server.client(BOOTSTRAP_KEY);
    const products = await admin.products.list.query({ limit: 100 });
    const free = products.items.find((product) => product.asin === "B0DEMO0002");
    if (!free) throw new Error("demo product missing");
    await admin.products.setSupportConnection.mutate({ productId: free.id, enrolled: true });
    const token = await admin.admin.buyerTokens.issue.mutate({ account: "012345678901" });
    const buyer = server.client(token.secret);
    const subscription = await buyer.buyer.subscriptions.subscribe.mutate({ asin: "B0DEMO0002" });
    await buyer.buyer.contacts.share.mutate({
      subscriptionId: subscription.id,
      consent: true,
      contact: { givenName: "Grace", surname: "Hopper", organization: "Navy", email: "grace@navy.example", phone: "+1 202 555 0100" },
    });
    const reader = await admin.admin.apiKeys.create.mutate({ name: "crm", scopes: ["contacts:read"] });
    const response = await fetch(`${server.url}/contacts/export.csv`, { headers: { authorization: `Bearer ${reader.secret}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-next-cursor")).toMatch(/^\d+$/);
    const csv = await response.text();
    expect(csv.split("\r\n")[0]).toBe(
      "Product Id,Product Code,Customer Guid,Subscription Guid,Subscription Start Date,Organization,AWS Customer Id,Given Name,Surname,Telephone Number,Email,Title,Country Code,ZIP Code,Operation Time,Operation Type",
    );
    expect(csv).toMatch(/,Navy,012345678901,Grace,Hopper,\+1 202 555 0100,grace@navy\.example,,,,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z,CREATE\r\n$/);
    const after = await fetch(`${server.url}/contacts/export.csv?since=${response.headers.get("x-next-cursor")}`, {
      headers: { authorization: `Bearer ${reader.secret}` },
    });
    expect((await after.text()).trimEnd().split("\r\n")).toHaveLength(1);
    expect((await fetch(`${server.url}/contacts/export.csv`, { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}x` } })).status).toBe(401);
    expect((await fetch(`${server.url}/contacts/export.csv?since=abc`, { headers: { authorization: `Bearer ${reader.secret}` } })).status).toBe(400);

    // A contact whose key is lost is left out and named, and the export still answers.
    const lost = await buyer.buyer.contacts.share.mutate({
      subscriptionId: subscription.id,
      consent: true,
      contact: { givenName: "Ada", surname: "Lovelace", organization: "Engines", email: "ada@engines.example", phone: "555-947-8228" },
    });
    const keys = join(server.dataDir, "contact-keys");
    for (const file of readdirSync(keys)) if (file.startsWith(`${lost.id}.`)) unlinkSync(join(keys, file));
    const partial = await fetch(`${server.url}/contacts/export.csv`, { headers: { authorization: `Bearer ${reader.secret}` } });
    expect([partial.status, partial.headers.get("x-unreadable-contacts")]).toEqual([200, lost.id]);
    expect(await partial.text()).toContain(",Grace,Hopper,");
    expect(response.headers.get("x-unreadable-contacts")).toBeNull();
  });
});
