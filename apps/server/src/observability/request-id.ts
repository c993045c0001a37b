import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** What a caller's X-Request-Id may hold to be kept: short, and nothing a log line could be forged with. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

const assigned = new WeakMap<IncomingMessage, string>();

/** The caller's request ID when it is safe to keep, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === "string" && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/** The request's ID, assigned on first use and the same for every line about it. */
export function requestIdOf(req: IncomingMessage): string {
  let id = assigned.get(req);
  if (id === undefined) {
    id = requestIdFrom(req.headers["x-request-id"]);
    assigned.set(req, id);
  }
  return id;
}
