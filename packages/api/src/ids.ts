import { customAlphabet, nanoid } from "nanoid";
import type { IdGenerator } from "./deps";

const secretAlphabet = customAlphabet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", 40);

/** nanoid: 21 URL-safe characters, about 126 bits of randomness. */
export const randomIds: IdGenerator = {
  newId: (prefix) => `${prefix}-${nanoid()}`,
  newSecret: (prefix) => `${prefix}_${secretAlphabet()}`,
};
