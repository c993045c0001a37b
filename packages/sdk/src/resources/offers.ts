import { call, idempotent, pages, withIdempotencyKey, type ClientContext } from "../context";
import type { OffersResource } from "../types/offers";

/** Private offers: drafting, editing, sending, republishing, copying and inviting buyers. */
export function offersResource({ trpc }: ClientContext): OffersResource {
  const resource: OffersResource = {
    create: (input) => call(() => trpc.offers.create.mutate(withIdempotencyKey(input), idempotent)),
    update: (input) => call(() => trpc.offers.update.mutate(input)),
    delete: (input) => call(() => trpc.offers.delete.mutate(input)),
    get: (input) => call(() => trpc.offers.get.query(input)),
    list: (input) => call(() => trpc.offers.list.query(input)),
    listAll: (input = {}) => pages((cursor) => resource.list({ ...input, cursor })),
    send: (input) => call(() => trpc.offers.send.mutate(withIdempotencyKey(input), idempotent)),
    republish: (input) => call(() => trpc.offers.republish.mutate(input)),
    copyAsDraft: (input) => call(() => trpc.offers.copyAsDraft.mutate(input)),
    inviteBuyer: (input) => call(() => trpc.offers.inviteBuyer.mutate(input)),
  };
  return resource;
}
