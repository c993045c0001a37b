import { randomBytes } from "node:crypto";
import { link, mkdir, open, readdir, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";

/** Where a contact's key is kept, wrapped under one master key (by its ID). */
export interface WrappedKeyName {
  contactId: string;
  keyId: string;
}

/**
 * The contacts' wrapped keys, kept apart from the database: removing one is final, whatever old
 * row versions, log frames, dead tuples or backups of the database still hold.
 */
export interface ContactKeyStore {
  read(name: WrappedKeyName): Promise<string | null>;
  /** Writes a wrap; one already there for the same contact and master key is kept (it wraps the same key). */
  write(name: WrappedKeyName, wrapped: string): Promise<void>;
  remove(name: WrappedKeyName): Promise<void>;
  /** Removes every wrap of a contact: its data can never be opened again. */
  removeAll(contactId: string): Promise<void>;
  list(): Promise<WrappedKeyName[]>;
}

const NAME = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.key$/;
const SAFE = /^[A-Za-z0-9_-]+$/;

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

function isTaken(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EEXIST";
}

/**
 * One file per wrap, `<contact>.<master key>.key`, in a folder only the server's user can read.
 * A write goes to a temporary file, flushed, then linked into place, so a reader sees a whole
 * wrap or none, and a crash never leaves half a key; several servers may share the folder.
 */
export function createFileKeyStore(dir: string): ContactKeyStore {
  const pathOf = ({ contactId, keyId }: WrappedKeyName) => {
    if (!SAFE.test(contactId) || !SAFE.test(keyId)) throw new Error("Unsafe key file name");
    return join(dir, `${contactId}.${keyId}.key`);
  };
  const ignoreMissing = async (path: string) => {
    try {
      await unlink(path);
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  };
  const store: ContactKeyStore = {
    async read(name) {
      try {
        return await readFile(pathOf(name), "utf8");
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async write(name, wrapped) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temporary = join(dir, `.${randomBytes(8).toString("hex")}.tmp`);
      const file = await open(temporary, "wx", 0o600);
      try {
        await file.writeFile(wrapped, "utf8");
        await file.sync();
      } finally {
        await file.close();
      }
      try {
        await link(temporary, pathOf(name));
      } catch (error) {
        if (!isTaken(error)) throw error;
      } finally {
        await ignoreMissing(temporary);
      }
    },
    remove: (name) => ignoreMissing(pathOf(name)),
    async removeAll(contactId) {
      for (const name of await store.list()) if (name.contactId === contactId) await store.remove(name);
    },
    async list() {
      let files: string[];
      try {
        files = await readdir(dir);
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
      return files.flatMap((file) => {
        const match = NAME.exec(file);
        return match?.[1] && match[2] ? [{ contactId: match[1], keyId: match[2] }] : [];
      });
    },
  };
  return store;
}
