import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3_TEST_CREDENTIALS, startS3Server, type S3TestServer } from "@offerkit/eula/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFileKeyStore, type ContactKeyStore } from "./key-store";
import { createS3KeyStore, type S3KeyStore } from "./s3-key-store";

const wrap = (contactId: string, keyId = "dk1") => ({ contactId, keyId });
const byName = (a: { contactId: string; keyId: string }, b: { contactId: string; keyId: string }) =>
  `${a.contactId}.${a.keyId}`.localeCompare(`${b.contactId}.${b.keyId}`);

/** One contract for every place the contacts' keys may live. */
function contract(name: string, open: () => ContactKeyStore) {
  describe(`the ${name} contact key store`, () => {
    it("reads back what it wrote, and nothing for a wrap never written", async () => {
      const store = open();
      await store.write(wrap("contact-a"), "v1.wrapped-a");
      expect(await store.read(wrap("contact-a"))).toBe("v1.wrapped-a");
      expect(await store.read(wrap("contact-a", "dk2"))).toBeNull();
      expect(await store.read(wrap("contact-never"))).toBeNull();
    });

    it("keeps the wrap already there for the same contact and master key", async () => {
      const store = open();
      await store.write(wrap("contact-b"), "v1.first");
      await store.write(wrap("contact-b"), "v1.second");
      expect(await store.read(wrap("contact-b"))).toBe("v1.first");
    });

    it("removes one wrap, or every wrap of one contact and no other's, and a removal is final", async () => {
      const store = open();
      await Promise.all([store.write(wrap("contact-c", "dk1"), "c1"), store.write(wrap("contact-c", "dk2"), "c2"), store.write(wrap("contact-cc"), "cc")]);
      await store.remove(wrap("contact-c", "dk1"));
      await store.remove(wrap("contact-c", "dk1"));
      expect(await store.read(wrap("contact-c", "dk1"))).toBeNull();
      await store.removeAll("contact-c");
      expect(await store.read(wrap("contact-c", "dk2"))).toBeNull();
      // A contact whose ID begins with another's is another contact.
      expect(await store.read(wrap("contact-cc"))).toBe("cc");
    });

    it("lists every wrap by contact and master key", async () => {
      const store = open();
      const names = [wrap("list-1"), wrap("list-2", "dk1"), wrap("list-2", "dk2")];
      for (const name of names) await store.write(name, "v1.x");
      const listed = (await store.list()).filter((name) => name.contactId.startsWith("list-"));
      expect(listed.sort(byName)).toEqual(names.sort(byName));
    });

    it("refuses names that could leave its folder or prefix", async () => {
      const store = open();
      for (const unsafe of ["../escape", "a/b", "a.b", ""]) {
        await expect(store.write(wrap(unsafe), "x"), unsafe).rejects.toThrow("Unsafe key");
        await expect(store.read(wrap("fine", unsafe)), unsafe).rejects.toThrow("Unsafe key");
      }
    });
  });
}

let folder = "";
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "offerkit-key-store-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));
contract("file", () => createFileKeyStore(join(folder, "contact-keys")));

let s3: S3TestServer | undefined;
const stores: S3KeyStore[] = [];
beforeAll(async () => {
  s3 = await startS3Server(["contact-keys"]);
}, 60_000);
afterAll(async () => {
  for (const store of stores) store.close();
  await s3?.stop();
});
const s3Store = (prefix: string, bucket = "contact-keys") => {
  if (!s3) throw new Error("s3rver is not running");
  const store = createS3KeyStore({ bucket, prefix, endpoint: s3.endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
  stores.push(store);
  return store;
};
contract("S3", () => s3Store("offerkit/contact-keys"));

describe("the S3 contact key store's own behaviour", () => {
  it("keeps stores under different prefixes apart", async () => {
    const one = s3Store("one");
    const two = s3Store("two");
    await one.write(wrap("contact-apart"), "one's");
    expect(await two.read(wrap("contact-apart"))).toBeNull();
    expect((await two.list()).map((name) => name.contactId)).not.toContain("contact-apart");
  });

  it("says which store and bucket failed, for a bucket that does not exist", async () => {
    const missing = s3Store("x", "no-such-bucket");
    await expect(missing.check()).rejects.toThrow(/contact key store s3:\/\/no-such-bucket\/x at http:\/\/127\.0\.0\.1:\d+ failed to reach the bucket for no-such-bucket/);
    await expect(missing.write(wrap("contact-z"), "z")).rejects.toThrow(/s3:\/\/no-such-bucket\/x/);
  });
});
