import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { ContactDetails } from "@offerkit/core";
import { storedContactSchema } from "./stored-contact";

/** Seals personal data at rest: AES-256-GCM, a fresh IV per value, bound to the contact it belongs to. */
export interface ContactCipher {
  seal(contactId: string, details: ContactDetails): string;
  open(contactId: string, sealed: string): ContactDetails;
}

const VERSION = "v1";

export function createContactCipher(key: Uint8Array): ContactCipher {
  if (key.byteLength !== 32) throw new Error("The data key must be 32 bytes (AES-256)");
  return {
    seal(contactId, details) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(contactId));
      const sealed = Buffer.concat([cipher.update(JSON.stringify(details), "utf8"), cipher.final()]);
      return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
    },
    open(contactId, sealed) {
      const [version, iv, tag, data] = sealed.split(".");
      if (version !== VERSION || !iv || !tag || !data) throw new Error("Unreadable sealed contact");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(contactId));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const plain = Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
      return storedContactSchema.parse(JSON.parse(plain));
    },
  };
}
