import { contactChangesInputSchema, contactIdInputSchema, shareContactInputSchema, updateContactInputSchema } from "@offerkit/core";
import { buyerProcedure, router, scopedProcedure } from "../trpc";
import { contactChanges } from "./contact-changes";
import { deleteContact } from "./delete-contact";
import { exportContactsCsv } from "./export-contacts-csv";
import { listContacts } from "./list-contacts";
import { shareContact } from "./share-contact";
import { updateContact } from "./update-contact";

/** The buyer's side of Product Support Connection: its own contacts only. */
export const buyerContactsRouter = router({
  share: buyerProcedure.input(shareContactInputSchema).mutation(({ ctx, input }) => shareContact(ctx.deps, ctx.principal, input)),
  update: buyerProcedure.input(updateContactInputSchema).mutation(({ ctx, input }) => updateContact(ctx.deps, ctx.principal, input)),
  delete: buyerProcedure.input(contactIdInputSchema).mutation(({ ctx, input }) => deleteContact(ctx.deps, ctx.principal, input.contactId)),
  list: buyerProcedure.query(({ ctx }) => listContacts(ctx.deps, ctx.principal)),
});

/** The seller's side (`contacts:read`): changes since a cursor, and the marketplace's CSV. */
export const contactsRouter = router({
  changes: scopedProcedure("contacts:read")
    .input(contactChangesInputSchema)
    .query(({ ctx, input }) => contactChanges(ctx.deps, ctx.principal.sellerId, input)),
  exportCsv: scopedProcedure("contacts:read")
    .input(contactChangesInputSchema)
    .query(({ ctx, input }) => exportContactsCsv(ctx.deps, ctx.principal.sellerId, input)),
});
