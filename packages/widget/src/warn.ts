/**
 * A console warning in development only. Bundlers replace `process.env.NODE_ENV`; a page that
 * loads the files without a bundler has no `process`, and counts as production.
 */
export function warnInDevelopment(message: string): void {
  if (typeof process === "object" && process.env?.NODE_ENV !== "production") {
    console.warn(`[offerkit] ${message}`);
  }
}
