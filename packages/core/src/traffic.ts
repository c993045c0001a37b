import { isbot } from "isbot";

/**
 * Which requests to a tracking link count as a visitor's click. A redirect is always answered;
 * these rules only decide whether it is counted.
 *
 * - Not counted: user agents on `isbot`'s list (crawlers, link-preview fetchers of chat apps
 *   and social networks, uptime and link checkers, HTTP libraries, headless browsers: the list
 *   the ecosystem maintains, rather than a pattern of our own that nobody updates); an empty
 *   user agent; prefetches and prerenders announced by `Purpose`, `Sec-Purpose`, `X-Purpose`
 *   or `X-Moz`; `HEAD` requests.
 * - Not tracked at all (no click, no cookie): `DNT: 1` or `Sec-GPC: 1`.
 */
export type TrafficVerdict = "count" | "bot" | "prefetch" | "no-track";

/** What the rules read of a request: its method and a few headers, as sent. */
export interface TrafficRequest {
  method: string;
  userAgent: string | undefined;
  dnt: string | undefined;
  secGpc: string | undefined;
  /** The values of `Purpose`, `Sec-Purpose`, `X-Purpose` and `X-Moz`, joined: a browser sends one at most. */
  purpose: string | undefined;
}

/** The user agents whose verdict is remembered; past this, the memory starts over. */
const MAX_REMEMBERED_AGENTS = 1_000;
/** Longer agents are tested every time: remembering them would let a client fill memory. */
const MAX_REMEMBERED_AGENT_LENGTH = 512;
const agentVerdicts = new Map<string, boolean>();

/**
 * Whether a user agent is a crawler, previewer or checker. Testing isbot's pattern (a few
 * hundred alternatives) takes longer than the rest of a redirect together, and a site's
 * visitors share a handful of agents: the verdict for each is remembered.
 */
function isBotAgent(agent: string): boolean {
  const remembered = agentVerdicts.get(agent);
  if (remembered !== undefined) return remembered;
  const trimmed = agent.trim();
  const bot = trimmed === "" || isbot(trimmed);
  if (agent.length <= MAX_REMEMBERED_AGENT_LENGTH) {
    if (agentVerdicts.size >= MAX_REMEMBERED_AGENTS) agentVerdicts.clear();
    agentVerdicts.set(agent, bot);
  }
  return bot;
}

export function classifyTraffic(request: TrafficRequest): TrafficVerdict {
  if (request.dnt === "1" || request.secGpc === "1") return "no-track";
  if (request.method === "HEAD") return "prefetch";
  if (request.purpose !== undefined && /prefetch|prerender|preview/i.test(request.purpose)) return "prefetch";
  if (request.userAgent === undefined || isBotAgent(request.userAgent)) return "bot";
  return "count";
}
