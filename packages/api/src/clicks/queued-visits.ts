/** Visitors remembered as already queued today; past this, the memory starts over. */
const MAX_REMEMBERED_VISITORS = 100_000;
/** Links remembered per visitor: a visitor (or a made-up one) cannot grow the memory past this. */
const MAX_LINKS_PER_VISITOR = 16;

/**
 * The visitors this server queued a click of today, with the links they clicked. A repeat is a
 * click the database would ignore (one per visitor, day, product and tag): it is not queued
 * again, which spares the writer the clicks of returning visitors. Forgetting a visit only
 * costs a write the database ignores.
 */
export function createQueuedVisits(): { isNew(linkId: number, day: string, visitorId: string): boolean } {
  let today = { day: "", visitors: new Map<string, number[]>() };
  return {
    isNew(linkId, day, visitorId) {
      if (today.day !== day || today.visitors.size >= MAX_REMEMBERED_VISITORS) today = { day, visitors: new Map() };
      const links = today.visitors.get(visitorId);
      if (links === undefined) {
        today.visitors.set(visitorId, [linkId]);
        return true;
      }
      if (links.includes(linkId)) return false;
      if (links.length < MAX_LINKS_PER_VISITOR) links.push(linkId);
      return true;
    },
  };
}
