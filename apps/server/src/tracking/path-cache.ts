import { parseDeepLinkPath, type ParsedDeepLink } from "@offerkit/core";

/** Paths remembered at most; past this, the memory starts over (a flood of made-up paths stays bounded). */
const MAX_REMEMBERED_PATHS = 10_000;

/**
 * `parseDeepLinkPath`, remembering the valid paths it has read: a campaign's visitors all
 * follow the same few links, and the lookup costs a fraction of the pattern. A path with a
 * query string is read afresh each time, so attribution IDs never fill the memory.
 */
export function createPathCache(maxRemembered = MAX_REMEMBERED_PATHS): (url: string) => ParsedDeepLink {
  const remembered = new Map<string, ParsedDeepLink>();
  return (url) => {
    const known = remembered.get(url);
    if (known) return known;
    const link = parseDeepLinkPath(url);
    if (link.ok && !url.includes("?")) {
      if (remembered.size >= maxRemembered) remembered.clear();
      remembered.set(url, link);
    }
    return link;
  };
}
