import { z } from "zod";
import { subscriptionIdSchema } from "./support";

export const MAX_CONTACTS_PER_SUBSCRIPTION = 5;

const text = (max: number, what: string) => z.string().trim().min(1, `${what} is required`).max(max, `${what} has at most ${max} characters`);

/** E.164: `+` and 8 to 15 digits. Spaces, dots, dashes and brackets people type are dropped first. */
export const phoneSchema = z
  .string()
  .max(40, "A phone number has at most 40 characters")
  .transform((value) => value.replace(/[\s().-]/g, ""))
  .refine((value) => /^\+[1-9]\d{7,14}$/.test(value), "A phone number is written in international form, e.g. +1 206 555 0100");

export const emailSchema = z
  .string()
  .trim()
  .max(254, "An e-mail address has at most 254 characters")
  .pipe(z.email("An e-mail address looks like name@example.com"))
  .transform((value) => value.toLowerCase());

/** A support contact a buyer shares. Organization, name, e-mail and phone are required. */
export const contactDetailsSchema = z.strictObject({
  givenName: text(100, "A given name"),
  surname: text(100, "A surname"),
  title: text(100, "A job title").optional(),
  organization: text(200, "An organization"),
  email: emailSchema,
  phone: phoneSchema,
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/, "A country code is two capital letters (ISO 3166-1), e.g. US")
    .optional(),
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{0,15}$/, "A postal code has up to 16 letters, digits, spaces or dashes")
    .optional(),
});
export type ContactDetails = z.output<typeof contactDetailsSchema>;

const consentSchema = z
  .boolean()
  .describe("The buyer's explicit consent to share this contact with the seller, for product support only");

export const shareContactInputSchema = z.strictObject({
  subscriptionId: subscriptionIdSchema,
  consent: consentSchema,
  contact: contactDetailsSchema,
});

export const contactIdSchema = z.string().regex(/^contact-[A-Za-z0-9_-]{10,40}$/, "Expected a contact ID like contact-...");

export const updateContactInputSchema = z.strictObject({
  contactId: contactIdSchema,
  consent: consentSchema,
  contact: contactDetailsSchema,
});

export const contactIdInputSchema = z.strictObject({ contactId: contactIdSchema });

export const contactChangesInputSchema = z
  .strictObject({
    since: z.string().regex(/^\d{1,18}$/, "Pass the `nextCursor` of the previous call").optional(),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .default({ limit: 100 });

export interface ContactView extends ContactDetails {
  id: string;
  subscriptionId: string;
  createdAt: string;
  updatedAt: string;
}

export type ContactOperation = "added" | "updated" | "deleted";

/** One change the seller receives; a deleted contact carries no personal data any more. */
export interface ContactChange {
  sequence: string;
  operation: ContactOperation;
  at: string;
  contactId: string;
  subscriptionId: string;
  subscriptionStartDate: string;
  productId: string;
  marketplaceProductId: string;
  productCode: string;
  customerGuid: string;
  account: string;
  contact: ContactDetails | null;
}

export interface ContactChangesPage {
  changes: ContactChange[];
  /** Pass back as `since`; the same value when nothing new arrived. */
  nextCursor: string;
}

/** The marketplace's own columns, in its order. */
export const CONTACT_EXPORT_COLUMNS = [
  "Product Id",
  "Product Code",
  "Customer Guid",
  "Subscription Guid",
  "Subscription Start Date",
  "Organization",
  "AWS Account Id",
  "Given Name",
  "Surname",
  "Telephone Number",
  "Email",
  "Title",
  "Country Code",
  "ZIP Code",
  "Operation Type",
  "Operation Time",
] as const;

export type ShareContactInput = z.input<typeof shareContactInputSchema>;
export type UpdateContactInput = z.input<typeof updateContactInputSchema>;
export type ContactChangesInput = z.input<typeof contactChangesInputSchema>;
