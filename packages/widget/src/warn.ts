let debugEnabled = false;
const warned = new Set<string>();

/** Turns the warnings on whatever the build says: the embed script's `data-debug` attribute. */
export function enableDebugWarnings(): void {
  debugEnabled = true;
}

/**
 * Whether this is a development build. Bundlers (webpack, Vite, esbuild, Next.js, Parcel)
 * replace the exact text `process.env.NODE_ENV` with a string, so it must be read as written,
 * with no `typeof process` guard that would stay false in a browser. A page that loads the file
 * without a bundler has no `process`: the read throws and counts as production.
 */
function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== "production";
  } catch {
    return false;
  }
}

/**
 * A console warning in development builds, or with debugging turned on; each distinct message
 * once per page, since a component re-rendering with the same typo must not flood the console.
 */
export function warnInDevelopment(message: string): void {
  if (!debugEnabled && !isDevelopment()) return;
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[offerkit] ${message}`);
}

/** Forgets which warnings were given, as a new page load would: for tests. */
export function forgetWarnings(): void {
  warned.clear();
  debugEnabled = false;
}
