import { makePdf } from "../../src/testing";
import type { CorpusEntry } from "./entry";
import { qpdf } from "./qpdf";

/** `weak`: qpdf refuses RC4 and 40-bit keys unless asked; they are weak, but still uploaded. */
type Cipher = { name: string; about: string; weak: boolean; args: string[] };

const CIPHERS: Cipher[] = [
  { name: "rc4-40", about: "RC4 40-bit (R2)", weak: true, args: ["40"] },
  { name: "rc4-128", about: "RC4 128-bit (R3)", weak: true, args: ["128", "--use-aes=n"] },
  { name: "aes-128", about: "AES-128 (R4)", weak: false, args: ["128", "--use-aes=y"] },
  { name: "aes-256", about: "AES-256 (R6)", weak: false, args: ["256"] },
];

/**
 * Each cipher with a user password, and with only an owner password (opens without a password,
 * so both tools read it, but it still cannot be stamped: Offerkit refuses it as encrypted).
 */
export const ENCRYPTED: CorpusEntry[] = CIPHERS.flatMap(({ name, about, weak, args }) => [
  {
    name: `encrypted-${name}-user-password`,
    about: `${about}, a password needed to open`,
    madeWithQpdf: true,
    build: async () => qpdf(await makePdf(1), [...(weak ? ["--allow-weak-crypto"] : []), "--static-aes-iv", "--encrypt", "user", "owner", ...args, "--"]),
  },
  {
    name: `encrypted-${name}-owner-only`,
    about: `${about}, an owner password only (opens without one)`,
    madeWithQpdf: true,
    build: async () => qpdf(await makePdf(1, { useObjectStreams: false }), [...(weak ? ["--allow-weak-crypto"] : []), "--static-aes-iv", "--encrypt", "", "owner", ...args, "--"]),
  },
]);
