/**
 * The redirect bench's server for `bot-check.ts`: a bare node:http 302 that first decides, as
 * the tracking redirect does, whether the hit counts. VARIANT picks how:
 *
 * - `none`: it does not decide (the floor);
 * - `pattern`: the hand-written pattern @offerkit/core used before isbot, with the same verdict
 *   cache (kept here, verbatim, only to compare);
 * - `isbot`: @offerkit/core's classifyTraffic as shipped (isbot's list, cached verdicts).
 */
import { createServer } from "node:http";
import { classifyTraffic } from "@offerkit/core";

const previousPattern =
  /bot\b|bot\/|crawl|spider|slurp|scrape|preview|facebookexternalhit|facebookcatalog|embedly|quora link|outbrain|pinterest|vkshare|w3c_validator|whatsapp|skypeuripreview|nuzzel|redditbot|slackbot|twitterbot|linkedinbot|discordbot|telegrambot|googleother|google-inspectiontool|bingpreview|yandex|baiduspider|duckduckbot|applebot|petalbot|semrush|ahrefs|mj12bot|headlesschrome|phantomjs|uptime|pingdom|statuscake|monitor|check_http|linkchecker|python-requests|go-http-client|wget|curl\//i;
const remembered = new Map<string, boolean>();

function previousVerdict(agent: string): boolean {
  const known = remembered.get(agent);
  if (known !== undefined) return known;
  const bot = agent.trim() === "" || previousPattern.test(agent.trim());
  if (agent.length <= 512) {
    if (remembered.size >= 1_000) remembered.clear();
    remembered.set(agent, bot);
  }
  return bot;
}

const variant = process.env.VARIANT ?? "none";
const location = "https://aws.amazon.com/marketplace/pp/B00635Y2IW/ref=ads_bench";
let bots = 0;

createServer((req, res) => {
  const agent = req.headers["user-agent"];
  if (variant === "pattern" && (agent === undefined || previousVerdict(agent))) bots += 1;
  if (variant === "isbot") {
    const verdict = classifyTraffic({ method: req.method ?? "GET", userAgent: agent, dnt: undefined, secGpc: undefined, purpose: undefined });
    if (verdict === "bot") bots += 1;
  }
  res.writeHead(302, { Location: location, "Cache-Control": "no-store", "Content-Length": "0", "X-Bots": String(bots) });
  res.end();
}).listen(Number(process.env.PORT), "127.0.0.1", () => console.log("listening"));
