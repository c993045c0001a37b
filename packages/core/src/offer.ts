import { z } from "zod";
import { canonicalJson } from "./canonical-json";
import { attributionIdSchema } from "./marketing";
import { addDays, addUtcMonths, calendarDateSchema, endOfUtcDay, utcDate } from "./dates";
import type { FieldIssue } from "./errors";
import { checkInstallments, installmentsSchema } from "./installments";
import { accountIdSchema, asinSchema, idempotencyKeySchema, offerIdSchema, productRefSchema, sha256Schema } from "./ids";
import { checkWrittenTerms, MAX_CONTRACT_MONTHS, movesMoney, privateOfferModelProblem } from "./marketplace-rules";
import { checkPricingCoversProduct, offerPricingSchema, type OfferPricing, type ProductPricing } from "./pricing";

export const MAX_BUYER_ACCOUNTS = 25;
/**
 * The longest term a draft can hold in days: 60 months counted generously (five years with two
 * leap days). Which unit and how long each model may run is the marketplace's rule, checked
 * when a value is written (`marketplace-rules.ts`); this only bounds what is stored.
 */
export const MAX_AGREEMENT_DAYS = 1827;

export const offerNameSchema = z
  .string()
  .trim()
  .min(1, "An offer name has 1 to 150 characters")
  .max(150, "An offer name has 1 to 150 characters")
  .describe("The offer's name, shown to the buyer");
export const offerDescriptionSchema = z
  .string()
  .trim()
  .min(1, "A description has 1 to 255 characters")
  .max(255, "A description has 1 to 255 characters")
  .describe("An internal description; never shown to buyers");
export const refundPolicySchema = z
  .string()
  .trim()
  .min(1, "A refund policy has 1 to 500 characters")
  .max(500, "A refund policy has 1 to 500 characters")
  .describe("How the buyer asks for a refund; required for a paid offer");

export const buyerAccountsSchema = z
  .array(accountIdSchema)
  .max(MAX_BUYER_ACCOUNTS, `An offer targets at most ${MAX_BUYER_ACCOUNTS} buyer accounts`)
  .superRefine((accounts, ctx) => {
    const seen = new Set<string>();
    accounts.forEach((account, index) => {
      if (seen.has(account)) ctx.addIssue({ code: "custom", path: [index], message: `Account ${account} is listed twice` });
      seen.add(account);
    });
  })
  .describe("The 12-digit buyer account IDs the offer is published to, 1 to 25, distinct");

/**
 * How long the terms run once accepted: a whole number of days or months (ISO 8601, `P365D`,
 * `P12M`), or a fixed end date. At most 60 months either way.
 */
export const agreementTermSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("duration"),
    duration: z
      .string()
      .regex(/^P[1-9]\d{0,3}[DM]$/, "A duration is P<days>D or P<months>M, e.g. P365D or P12M")
      .refine((value) => {
        const amount = Number(value.slice(1, -1));
        return value.endsWith("M") ? amount <= MAX_CONTRACT_MONTHS : amount <= MAX_AGREEMENT_DAYS;
      }, `An agreement runs at most ${MAX_CONTRACT_MONTHS} months`),
  }),
  z.strictObject({ kind: z.literal("endDate"), endDate: calendarDateSchema }),
]);
export type AgreementTerm = z.infer<typeof agreementTermSchema>;

/** The editable terms of an offer; every one may be missing while the offer is a draft. */
export const offerTermsSchema = z.strictObject({
  name: offerNameSchema,
  description: offerDescriptionSchema,
  buyerAccounts: buyerAccountsSchema,
  pricing: offerPricingSchema,
  eulaSha256: sha256Schema.describe("SHA-256 of an uploaded EULA PDF (see eula.upload)"),
  agreement: agreementTermSchema,
  acceptanceDeadline: calendarDateSchema.describe(
    "The last UTC calendar day on which the buyer may accept; in the future when the offer is sent",
  ),
  refundPolicy: refundPolicySchema.optional(),
  installments: installmentsSchema.optional(),
});
export type OfferTerms = z.infer<typeof offerTermsSchema>;
export type DraftTerms = Partial<OfferTerms>;

export const createOfferInputSchema = offerTermsSchema.partial().extend({
  productId: productRefSchema,
  idempotencyKey: idempotencyKeySchema.optional(),
});
export type CreateOfferInput = z.input<typeof createOfferInputSchema>;

/**
 * An offer's version: 1 when drafted, one more with each edit of its terms. An update may name
 * the version it was made from, so that it never overwrites an edit it has not seen.
 */
export const offerVersionSchema = z
  .number({ error: "A version is a whole number, as an offer reads back" })
  .int("A version is a whole number, as an offer reads back")
  .min(1, "A version is 1 or more, as an offer reads back");

/**
 * A patch of a draft: a field given replaces the old value, `null` clears it. With
 * `expectedVersion` the patch applies only to that version of the draft.
 */
export const updateOfferInputSchema = z.strictObject({
  offerId: offerIdSchema,
  expectedVersion: offerVersionSchema
    .optional()
    .describe("The `version` this edit was made from; when the draft has moved on, the update is refused with CONFLICT and writes nothing"),
  patch: z.strictObject({
    name: offerNameSchema.nullable(),
    description: offerDescriptionSchema.nullable(),
    buyerAccounts: buyerAccountsSchema.nullable(),
    pricing: offerPricingSchema.nullable(),
    eulaSha256: sha256Schema.nullable(),
    agreement: agreementTermSchema.nullable(),
    acceptanceDeadline: calendarDateSchema.nullable(),
    refundPolicy: refundPolicySchema.nullable(),
    installments: installmentsSchema.nullable(),
  }).partial(),
});
export type UpdateOfferInput = z.input<typeof updateOfferInputSchema>;

export const offerStatuses = ["draft", "sent", "accepted", "expired"] as const;
export const offerStatusSchema = z.enum(offerStatuses);
export type OfferStatus = z.infer<typeof offerStatusSchema>;
/** What the database stores; `expired` is never stored, it follows from the clock. */
export type StoredOfferStatus = Exclude<OfferStatus, "expired">;

export const listOffersInputSchema = z.strictObject({
  status: offerStatusSchema.optional(),
  productId: productRefSchema.optional(),
  buyerAccount: accountIdSchema.optional(),
  cursor: z.string().max(200).optional().describe("The `nextCursor` of the previous page"),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListOffersInput = z.input<typeof listOffersInputSchema>;

export const offerIdInputSchema = z.strictObject({ offerId: offerIdSchema });
export const sendOfferInputSchema = offerIdInputSchema.extend({ idempotencyKey: idempotencyKeySchema.optional() });
export const acceptOfferInputSchema = sendOfferInputSchema.extend({
  attributionId: attributionIdSchema.optional(),
});
export const bannerInputSchema = z.strictObject({ asin: asinSchema });
export const inviteBuyerInputSchema = offerIdInputSchema.extend({
  account: accountIdSchema.describe("One of the offer's buyer accounts: the link signs its opener in as this account"),
});
export type InviteBuyerInput = z.input<typeof inviteBuyerInputSchema>;

/**
 * The status an offer shows at `now`: a sent offer whose deadline day has ended is expired,
 * whatever the client believes. An accepted offer stays accepted.
 */
export function offerStatusAt(stored: StoredOfferStatus, acceptanceDeadline: string | null, now: Date): OfferStatus {
  if (stored === "sent" && acceptanceDeadline !== null && now >= endOfUtcDay(acceptanceDeadline)) return "expired";
  return stored;
}

/** Whether a buyer may still accept an offer at `now`. */
export function isAcceptable(stored: StoredOfferStatus, acceptanceDeadline: string | null, now: Date): boolean {
  return stored !== "draft" && acceptanceDeadline !== null && now < endOfUtcDay(acceptanceDeadline);
}

/** The end of an agreement that starts at `start`. */
export function agreementEnd(term: AgreementTerm, start: Date): Date {
  if (term.kind === "endDate") return endOfUtcDay(term.endDate);
  const amount = Number(term.duration.slice(1, -1));
  return term.duration.endsWith("M") ? addUtcMonths(start, amount) : addDays(start, amount);
}

/**
 * What each term needs before the offer is sent, in the words the server answers with; a form
 * says the same before anything is sent. Each reads well under its field's name ("EULA: Upload
 * the EULA ..." would repeat itself, so the EULA's message does not name it again).
 */
export const termRequirements = {
  name: "An offer name is required",
  description: "A description for your team is required (buyers never see it)",
  buyerAccounts: "At least one buyer account is required",
  pricing: "Prices are required",
  eulaSha256: "Upload the license agreement as a PDF",
  agreement: "An agreement duration or end date is required",
  acceptanceDeadline: "An acceptance deadline is required",
  refundPolicy: "A paid offer needs a refund policy",
} as const;

export interface SendCheckInput {
  terms: DraftTerms;
  productPricing: ProductPricing;
  /** Whether the EULA named by the draft is stored and valid for this seller. */
  eulaAvailable: boolean;
  now: Date;
}

/**
 * Everything DOMAIN.md asks of an offer before it is sent. Returns one issue per broken rule,
 * each naming its field, so a sales rep sees every problem at once.
 */
export function checkSendable({ terms, productPricing, eulaAvailable, now }: SendCheckInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const required = (field: keyof OfferTerms, message: string) => {
    if (terms[field] === undefined) issues.push({ path: [field], message });
  };
  for (const field of ["name", "description", "pricing", "eulaSha256", "agreement", "acceptanceDeadline"] as const) required(field, termRequirements[field]);

  if (!terms.buyerAccounts || terms.buyerAccounts.length === 0) {
    issues.push({ path: ["buyerAccounts"], message: termRequirements.buyerAccounts });
  }
  const modelProblem = privateOfferModelProblem(productPricing.model);
  if (modelProblem) issues.push({ path: ["productId"], message: modelProblem });
  issues.push(...checkWrittenTerms(terms, productPricing.model));
  if (terms.pricing) issues.push(...checkPricingCoversProduct(terms.pricing, productPricing));
  if (movesMoney(terms) && terms.refundPolicy === undefined) {
    issues.push({ path: ["refundPolicy"], message: termRequirements.refundPolicy });
  }
  if (terms.eulaSha256 !== undefined && !eulaAvailable) {
    issues.push({ path: ["eulaSha256"], message: "This seller has uploaded no valid PDF with that SHA-256: upload the agreement again" });
  }

  const today = utcDate(now);
  if (terms.acceptanceDeadline !== undefined && terms.acceptanceDeadline < today) {
    issues.push({
      path: ["acceptanceDeadline"],
      message: `The acceptance deadline ${terms.acceptanceDeadline} has passed (today is ${today} UTC)`,
    });
  }
  issues.push(...checkInstallments(terms.installments, { pricing: terms.pricing, agreement: terms.agreement, acceptanceDeadline: terms.acceptanceDeadline, today }));
  if (terms.agreement?.kind === "endDate") issues.push(...checkEndDate(terms.agreement.endDate, terms, now));
  return issues;
}

/**
 * A contract that ends on a date is published as a fixed upfront term with the date as its
 * validity, which only a payment schedule's granted quantities can express: the marketplace
 * selects a contract's per-unit rate card by a duration and has no rate card for a date.
 */
function checkEndDate(endDate: string, terms: DraftTerms, now: Date): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (terms.pricing?.model === "saas_contract" && terms.installments === undefined) {
    issues.push({
      path: ["agreement", "endDate"],
      message: "A contract without a payment schedule runs whole months (P1M to P60M); to end on a date, pay in installments",
    });
  }
  if (terms.acceptanceDeadline !== undefined && endDate <= terms.acceptanceDeadline) {
    issues.push({ path: ["agreement", "endDate"], message: "The agreement must end after the acceptance deadline" });
  }
  if (endDate > utcDate(addUtcMonths(now, MAX_CONTRACT_MONTHS))) {
    issues.push({ path: ["agreement", "endDate"], message: `An agreement runs at most ${MAX_CONTRACT_MONTHS} months` });
  }
  return issues;
}

/** The terms of a sent offer, complete by construction. */
export function completeTerms(terms: DraftTerms): OfferTerms | null {
  const parsed = offerTermsSchema.safeParse(terms);
  return parsed.success ? parsed.data : null;
}

/**
 * The terms as one canonical string, key order fixed, so a hash of it proves that a sent
 * offer reads back the same forever.
 */
export function canonicalTerms(productId: string, terms: OfferTerms): string {
  return canonicalJson({ productId, ...terms });
}

export type { OfferPricing };

export type SendOfferInput = z.input<typeof sendOfferInputSchema>;
export type AcceptOfferInput = z.input<typeof acceptOfferInputSchema>;
