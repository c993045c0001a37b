/** The outcome of one structure check: its findings, or a detail for the "damaged" message. */
export type Check<T> = ({ ok: true } & T) | { ok: false; detail: string };
