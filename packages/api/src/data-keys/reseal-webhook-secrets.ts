import { listStoredWebhookSecrets, replaceStoredWebhookSecrets, type StoredWebhookSecrets } from "@offerkit/db";
import type { ApiDeps } from "../deps";

const PAGE = 500;

/**
 * Seals endpoints' signing secrets again under the primary data key: at start, those stored
 * before secrets were sealed (`unsealed`); in a key rotation, also those under the old key
 * (`not-primary`). A secret rotated meanwhile is left to its rotation, which sealed it under its
 * server's primary key. Answers how many endpoints were sealed again, how many still hold a
 * secret that is not under the primary key, and which of those no key of the ring opens.
 */
export async function resealWebhookSecrets(
  deps: Pick<ApiDeps, "db" | "webhookSecrets">,
  primaryKeyId: string,
  which: "unsealed" | "not-primary",
): Promise<{ resealed: number; remaining: number; unreadable: string[] }> {
  const { webhookSecrets } = deps;
  const stale = (stored: string | null) => {
    if (stored === null) return false;
    const keyId = webhookSecrets.keyIdOf(stored);
    return keyId === null || (which === "not-primary" && keyId !== primaryKeyId);
  };
  const resealed = (endpointId: string, stored: string) => (stale(stored) ? webhookSecrets.seal(endpointId, webhookSecrets.open(endpointId, stored)) : stored);

  let count = 0;
  const unreadable: string[] = [];
  for await (const endpoint of everyEndpoint(deps)) {
    if (!stale(endpoint.secret) && !stale(endpoint.previousSecret)) continue;
    let to: Omit<StoredWebhookSecrets, "id">;
    try {
      to = { secret: resealed(endpoint.id, endpoint.secret), previousSecret: endpoint.previousSecret === null ? null : resealed(endpoint.id, endpoint.previousSecret) };
    } catch {
      // Under a key this ring lacks: named, left as it is, never guessed at.
      unreadable.push(endpoint.id);
      continue;
    }
    if (await replaceStoredWebhookSecrets(deps.db, endpoint, to)) count += 1;
  }
  let remaining = 0;
  for await (const endpoint of everyEndpoint(deps)) {
    if (stale(endpoint.secret) || stale(endpoint.previousSecret)) remaining += 1;
  }
  return { resealed: count, remaining, unreadable };
}

async function* everyEndpoint(deps: Pick<ApiDeps, "db">): AsyncGenerator<StoredWebhookSecrets> {
  let afterId = "";
  for (;;) {
    const page = await listStoredWebhookSecrets(deps.db, { afterId, limit: PAGE });
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < PAGE) return;
    afterId = last.id;
  }
}
