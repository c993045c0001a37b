/** The procedures a path under /trpc names (`/buyer.banner`, or `/a,b` for a batch), without a query. */
export function proceduresOf(path: string): string[] {
  return (path.split("?", 1)[0] ?? "").replace(/^\//, "").split(",");
}
