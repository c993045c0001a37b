/**
 * Which requests to a tracking link count as a visitor's click. A redirect is always answered;
 * these rules only decide whether it is counted.
 *
 * - Not counted: user agents of crawlers, link-preview fetchers (chat apps, social networks)
 *   and uptime or link checkers; an empty user agent; prefetches and prerenders announced by
 *   `Purpose`, `Sec-Purpose`, `X-Purpose` or `X-Moz`; `HEAD` requests.
 * - Not tracked at all (no click, no cookie): `DNT: 1` or `Sec-GPC: 1`.
 */
const botAgents =
  /bot\b|bot\/|crawl|spider|slurp|scrape|preview|facebookexternalhit|facebookcatalog|embedly|quora link|outbrain|pinterest|vkshare|w3c_validator|whatsapp|skypeuripreview|nuzzel|redditbot|slackbot|twitterbot|linkedinbot|discordbot|telegrambot|googleother|google-inspectiontool|bingpreview|yandex|baiduspider|duckduckbot|applebot|petalbot|semrush|ahrefs|mj12bot|headlesschrome|phantomjs|uptime|pingdom|statuscake|monitor|check_http|linkchecker|python-requests|go-http-client|wget|curl\//i;

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
 * Whether a user agent is a crawler, previewer or checker. Testing the pattern takes longer
 * than the rest of a redirect together, and a site's visitors share a handful of agents: the
 * verdict for each is remembered.
 */
function isBotAgent(agent: string): boolean {
  const remembered = agentVerdicts.get(agent);
  if (remembered !== undefined) return remembered;
  const trimmed = agent.trim();
  const bot = trimmed === "" || botAgents.test(trimmed);
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
