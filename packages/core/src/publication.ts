import { z } from "zod";

/**
 * Where a sent offer stands on the live marketplace. Sending never waits for the marketplace:
 * a sent offer is `publishing` until a background job has a final answer.
 */
export const publicationStates = ["not_published", "publishing", "published", "failed"] as const;
export const publicationStateSchema = z.enum(publicationStates);
export type PublicationState = z.infer<typeof publicationStateSchema>;

/** One problem the marketplace reported, as it reported it (its `ErrorDetailList` entries). */
export const publicationErrorDetailSchema = z.strictObject({
  code: z.string().describe("The marketplace's error code, e.g. INVALID_INPUT"),
  message: z.string().describe("The marketplace's message"),
  field: z
    .string()
    .optional()
    .describe("The offer's field the problem is about (`refundPolicy`, `pricing`, ...), when the publisher can tell"),
});
export type PublicationErrorDetail = z.infer<typeof publicationErrorDetailSchema>;

/** Why a publication failed: a summary and the marketplace's own details, when it gave any. */
export const publicationErrorSchema = z.strictObject({
  message: z.string(),
  details: z.array(publicationErrorDetailSchema),
});
export type PublicationError = z.infer<typeof publicationErrorSchema>;

/** The agreement a buyer made on the marketplace by accepting the published offer. */
export interface MarketplaceAgreementView {
  /** The marketplace's agreement ID. */
  id: string;
  buyerAccount: string | null;
  acceptedAt: string;
  startsAt: string | null;
  endsAt: string | null;
}

/** An offer's publication on the live marketplace, as its seller sees it. */
export interface PublicationView {
  state: PublicationState;
  /** 1 for the first try; each `offers.republish` adds one. 0 while not published. */
  attempt: number;
  /** The marketplace's own offer ID, once published. */
  marketplaceOfferId: string | null;
  /** The marketplace's procurement URL for the buyer, once published. */
  buyerUrl: string | null;
  /** Set when the state is `failed`. */
  error: PublicationError | null;
  /** Set once a buyer accepted the offer on the marketplace. */
  agreement: MarketplaceAgreementView | null;
  updatedAt: string | null;
}

export const NOT_PUBLISHED: PublicationView = {
  state: "not_published",
  attempt: 0,
  marketplaceOfferId: null,
  buyerUrl: null,
  error: null,
  agreement: null,
  updatedAt: null,
};
