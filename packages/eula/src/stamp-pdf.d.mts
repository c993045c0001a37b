/**
 * A copy of the EULA with `footer` written in small grey Helvetica at the bottom of every page,
 * so a downloaded copy can be traced to its offer and buyer. `bytes` is not modified (the
 * original stays the stored, hashed document); the result is a new, different PDF, the same
 * bytes for the same input and footer.
 *
 * Expects a file that `inspectEula` accepted and throws otherwise; an empty footer throws a
 * `RangeError`. Characters that the standard Helvetica font cannot encode are replaced (see
 * `sanitizeFooter`). Costs about 0.2 ms per simple page, with stretches of 45-90 ms without
 * yielding on a 1000-page file: a server stamps through `createStampPool`, on a worker thread.
 */
export function stampEula(bytes: Uint8Array, footer: string): Promise<Uint8Array>;

/**
 * `stampEula` yielding to the event loop every `objectsPerTurn` objects read or written
 * (`stampEula` uses 500); a worker thread, with nothing else to let run, passes `Infinity`.
 */
export function stampPdf(bytes: Uint8Array, footer: string, objectsPerTurn: number): Promise<Uint8Array>;

/**
 * Makes `footer` writable with the standard Helvetica font, which only encodes WinAnsi: line
 * breaks and other whitespace become single spaces, accented letters outside WinAnsi lose their
 * accent ("ő" becomes "o"), invisible control and format characters are dropped, and anything
 * else becomes "?" ("ł", "日").
 */
export function sanitizeFooter(footer: string): string;
