import { createDecipheriv } from "node:crypto";
import { storedBytes, testDialects } from "@offerkit/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApi, sampleProduct } from "../testing";

const ACCOUNT = "111111111111";
const withdrawn = { givenName: "Zebedee", surname: "Quixwithdrawn", organization: "Shred Works", email: "zebedee@shred.example", phone: "+1 206 555 0177" };
const kept = { givenName: "Kept", surname: "Stayhere", organization: "Shred Works", email: "kept@shred.example", phone: "+1 206 555 0178" };

/**
 * Every AES-GCM seal in some bytes: `<version>.<12-byte IV>.<16-byte tag>.<data>`, base64url. A
 * file may hold the next value right after one (SQLite's records do), so each seal is also taken
 * with up to 40 of its last characters cut off: one of those is the seal as written.
 */
function sealsIn(bytes: Buffer): string[] {
  const found = bytes.toString("latin1").match(/(?:v1|v2|w1)\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+/g) ?? [];
  const dataStart = 2 + 1 + 16 + 1 + 22 + 1;
  return [...new Set(found.flatMap((seal) => Array.from({ length: Math.min(41, seal.length - dataStart) }, (_, cut) => seal.slice(0, seal.length - cut))))];
}

/** Opens a seal with a key and a context, written apart from the code under test; null when it does not open. */
function tryOpen(seal: string, key: Uint8Array, context: string): Buffer | null {
  const [, iv, tag, data] = seal.split(".");
  if (!iv || !tag || !data) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]);
  } catch {
    return null;
  }
}

describe.each(testDialects())("a deleted contact is unrecoverable on %s", (dialect) => {
  let api: Awaited<ReturnType<typeof createTestApi>>;
  beforeAll(async () => {
    api = await createTestApi(dialect);
  });
  afterAll(async () => api.close());

  /** What someone holding the database's files would find: the files, the log, dead tuples, a dump. */
  const databaseBytes = () => storedBytes(api.database, "contacts");

  // Real files, a database dump and a server under load: seconds alone, more when the cores are shared.
  it("leaves no copy anywhere that the master key and the remaining keys open", { timeout: 60_000 }, async () => {
    const seller = await api.newSeller();
    const product = await seller.admin.products.create(sampleProduct({ pricing: { model: "free", dimensions: [] } }));
    await seller.admin.products.setSupportConnection({ productId: product.id, enrolled: true });
    const buyer = await seller.buyer(ACCOUNT);
    const subscription = await buyer.buyer.subscriptions.subscribe({ asin: product.asin });
    const gone = await buyer.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: withdrawn });
    await buyer.buyer.contacts.update({ contactId: gone.id, consent: true, contact: { ...withdrawn, title: "Old title" } });
    const stays = await buyer.buyer.contacts.share({ subscriptionId: subscription.id, consent: true, contact: kept });
    const backup = await databaseBytes();

    await buyer.buyer.contacts.delete({ contactId: gone.id });
    const after = await databaseBytes();
    const everything = Buffer.concat([backup, after]);

    // Personal data is never in the clear, before or after.
    for (const text of ["Quixwithdrawn", "zebedee@shred.example", "555 0177", "Stayhere"]) expect(everything.toString("latin1")).not.toContain(text);
    // The deleted contact's sealed data is still there (in the backup at least): this test has something to find.
    const seals = sealsIn(everything);
    expect(seals.length).toBeGreaterThanOrEqual(3);
    // No key of the contact's own is ever in the database.
    expect(seals.filter((seal) => seal.startsWith("w1."))).toEqual([]);

    // Every key the attacker could have: the master key, and every wrapped key left in the store, unwrapped.
    const keys: Buffer[] = [api.dataKey];
    for (const name of await api.contactKeys.list()) {
      const wrapped = await api.contactKeys.read(name);
      const opened = wrapped === null ? null : tryOpen(wrapped, api.dataKey, `${name.contactId}.${name.keyId}`);
      if (opened) keys.push(opened);
    }

    const openedFor = (contactId: string) =>
      seals.flatMap((seal) => keys.map((key) => tryOpen(seal, key, contactId))).filter((plain): plain is Buffer => plain !== null);
    expect(openedFor(gone.id)).toEqual([]);
    // The same search does open what is still shared: it would have found the deleted one.
    expect(openedFor(stays.id).map((plain) => JSON.parse(plain.toString("utf8")).surname)).toContain("Stayhere");
    expect((await api.contactKeys.list()).map((name) => name.contactId)).toEqual([stays.id]);
  });
});
