import { call, idempotent, pages, withIdempotencyKey, type ClientContext } from "../context";
import type { BuyerOffersResource, BuyerResource } from "../types/buyer";

function buyerOffers({ trpc, download }: ClientContext): BuyerOffersResource {
  const resource: BuyerOffersResource = {
    list: (input) => call(() => trpc.buyer.offers.list.query(input)),
    listAll: (input = {}) => pages((cursor) => resource.list({ ...input, cursor })),
    get: (input) => call(() => trpc.buyer.offers.get.query(input)),
    accept: (input) => call(() => trpc.buyer.offers.accept.mutate(withIdempotencyKey(input), idempotent)),
    downloadEula: (input) => download(`/buyer/offers/${encodeURIComponent(input.offerId)}/eula`),
  };
  return resource;
}

/** What a buyer token may do: its offers, subscriptions, support contacts and the banner. */
export function buyerResource(context: ClientContext): BuyerResource {
  const { trpc } = context;
  return {
    offers: buyerOffers(context),
    subscriptions: {
      subscribe: (input) => call(() => trpc.buyer.subscriptions.subscribe.mutate(withIdempotencyKey(input), idempotent)),
      list: () => call(() => trpc.buyer.subscriptions.list.query()),
      cancel: (input) => call(() => trpc.buyer.subscriptions.cancel.mutate(input)),
    },
    contacts: {
      share: (input) => call(() => trpc.buyer.contacts.share.mutate(input)),
      update: (input) => call(() => trpc.buyer.contacts.update.mutate(input)),
      delete: (input) => call(() => trpc.buyer.contacts.delete.mutate(input)),
      list: () => call(() => trpc.buyer.contacts.list.query()),
    },
    banner: (input) => call(() => trpc.buyer.banner.query(input)),
  };
}
