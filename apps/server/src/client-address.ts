import type { IncomingMessage } from "node:http";

/**
 * The visitor's address. With `trustedProxies` proxies in front (load balancers that each
 * append the address they were reached from to X-Forwarded-For), it is the entry that many
 * places from the right: whatever a client writes into the header itself lies further left,
 * where it is never read. With no trusted proxy, the socket's peer; the header is ignored.
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, trustedProxies: number): string {
  if (trustedProxies === 0 || !forwardedFor) return peer;
  const hops = forwardedFor.split(",");
  const entry = hops[Math.max(0, hops.length - trustedProxies)]?.trim();
  return entry || peer;
}

/** The client's address of an HTTP request, as `clientAddress` reads it. */
export function requestAddress(req: IncomingMessage, trustedProxies: number): string {
  const forwardedFor = req.headers["x-forwarded-for"];
  return clientAddress(req.socket.remoteAddress ?? "", Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, trustedProxies);
}
