import type { WebhookDeliveryView } from "@offerkit/sdk";
import { useEffect, useState } from "react";
import type { Session } from "../../session";
import { useAsync } from "../../use-async";

export type DeliveryState = "pending" | "delivered" | "failed";

const PAGE_SIZE = 25;

/**
 * An endpoint's deliveries, newest first: the first page as `useAsync` loads it (again when the
 * filter or `generation` changes), and the pages "Load more" adds after it, by the server's cursor.
 */
export function useDeliveryPages(session: Session, endpointId: string, state: DeliveryState | "", generation: number) {
  const first = useAsync(
    () => session.client.webhooks.deliveries({ endpointId, limit: PAGE_SIZE, ...(state !== "" && { state }) }),
    [session, endpointId, state, generation],
  );
  const firstPage = first.status === "done" ? first.data : null;
  const [more, setMore] = useState<{ items: WebhookDeliveryView[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailure, setMoreFailure] = useState<unknown>();
  // A fresh first page starts the list again: the pages after it belonged to the old one.
  useEffect(() => {
    setMore(null);
    setMoreFailure(undefined);
  }, [firstPage]);

  const items = firstPage ? [...firstPage.items, ...(more?.items ?? [])] : [];
  const nextCursor = more ? more.nextCursor : (firstPage?.nextCursor ?? null);
  const loadMore = async () => {
    if (nextCursor === null) return;
    setLoadingMore(true);
    setMoreFailure(undefined);
    try {
      const page = await session.client.webhooks.deliveries({ endpointId, limit: PAGE_SIZE, cursor: nextCursor, ...(state !== "" && { state }) });
      setMore((previous) => ({ items: [...(previous?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    } catch (caught) {
      setMoreFailure(caught);
    } finally {
      setLoadingMore(false);
    }
  };
  return { first, items, hasMore: nextCursor !== null, loadMore, loadingMore, moreFailure };
}
