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

const purposeHeaders = ["purpose", "sec-purpose", "x-purpose", "x-moz"];

export type TrafficVerdict = "count" | "bot" | "prefetch" | "no-track";

export interface TrafficRequest {
  method: string;
  userAgent: string | undefined;
  header(name: string): string | undefined;
}

export function classifyTraffic(request: TrafficRequest): TrafficVerdict {
  if (request.header("dnt") === "1" || request.header("sec-gpc") === "1") return "no-track";
  if (request.method === "HEAD") return "prefetch";
  for (const name of purposeHeaders) {
    const purpose = request.header(name);
    if (purpose !== undefined && /prefetch|prerender|preview/i.test(purpose)) return "prefetch";
  }
  const agent = request.userAgent?.trim() ?? "";
  if (agent === "" || botAgents.test(agent)) return "bot";
  return "count";
}
