import { z } from "zod";
import { ISO_COUNTRY_CODES } from "./countries";
import { subscriptionIdSchema } from "./support";

export const MAX_CONTACTS_PER_SUBSCRIPTION = 5;

const text = (max: number, what: string) => z.string().trim().min(1, `${what} is required`).max(max, `${what} has at most ${max} characters`);

/** The marketplace's Telephone Number: free text of up to 25 characters. */
export const PHONE_MAX_LENGTH = 25;

/**
 * A phone number as the marketplace takes it: free text of digits, spaces and `+ - ( ) .`, up
 * to 25 characters, kept as given (`555-947-8228`, `+44 20 7946 0101`). The server adds an
 * E.164 form beside it where the number and the country code allow.
 */
export const phoneSchema = z
  .string()
  .trim()
  .min(1, "A phone number is required")
  .max(PHONE_MAX_LENGTH, `A phone number has at most ${PHONE_MAX_LENGTH} characters`)
  .regex(/^[0-9 +\-().]+$/, "A phone number holds only digits, spaces and + - ( ) .")
  .refine((value) => /[0-9]/.test(value), "A phone number holds digits");

export const emailSchema = z
  .string()
  .trim()
  .max(254, "An e-mail address has at most 254 characters")
  .pipe(z.email("An e-mail address looks like name@example.com"))
  .transform((value) => value.toLowerCase());

/** A support contact a buyer shares, in the marketplace's field limits. Organization, name, e-mail and phone are required. */
export const contactDetailsSchema = z
  .strictObject({
    givenName: text(100, "A given name"),
    surname: text(100, "A surname"),
    title: text(255, "A job title").optional(),
    organization: text(255, "An organization"),
    email: emailSchema,
    phone: phoneSchema,
    countryCode: z
      .string()
      .regex(/^[A-Z]{2}$/, "A country code is two capital letters (ISO 3166-1 alpha-2), e.g. US")
      .refine((code) => ISO_COUNTRY_CODES.has(code), "Not an ISO 3166-1 country code")
      .optional(),
    postalCode: z.string().trim().regex(/^[0-9]{5}$/, "A ZIP code is 5 digits, e.g. 98109").optional(),
  })
  .superRefine((contact, context) => {
    // The marketplace's export carries US ZIP codes only.
    if (contact.postalCode !== undefined && contact.countryCode !== "US") {
      context.addIssue({ code: "custom", path: ["postalCode"], message: "A ZIP code is given with country code US only" });
    }
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

/** A contact as shared, with the E.164 form of its phone where the number and country allow (else null). */
export type SharedContactDetails = ContactDetails & { phoneE164: string | null };

export interface ContactView extends SharedContactDetails {
  id: string;
  subscriptionId: string;
  createdAt: string;
  updatedAt: string;
}

/** The marketplace's Operation Type. */
export type ContactOperation = "CREATE" | "UPDATE" | "DELETE";

/**
 * One contact's latest change within a window of the feed. A DELETE (the buyer withdrew it, or
 * its subscription ended or was cancelled) carries no personal data.
 */
export interface ContactChange {
  sequence: string;
  operation: ContactOperation;
  /** Operation Time: `YYYY-MM-DDTHH:mm:ss.sssZ`. */
  at: string;
  contactId: string;
  /** Customer Guid: unique to this contact record, the same for its whole life. */
  customerGuid: string;
  subscriptionId: string;
  /** Subscription Guid: the subscription's GUID. */
  subscriptionGuid: string;
  /** `YYYY-MM-DDTHH:mm:ss.sssZ` */
  subscriptionStartDate: string;
  productId: string;
  marketplaceProductId: string;
  productCode: string;
  /** AWS Customer Id: the buyer's 12-digit account. */
  account: string;
  contact: SharedContactDetails | null;
}

/** A contact the server could not open (its key lost or damaged): left out of the page, and named here. */
export interface UnreadableContact {
  contactId: string;
  sequence: string;
}

export interface ContactChangesPage {
  changes: ContactChange[];
  /** Pass back as `since`; the same value when nothing new arrived. */
  nextCursor: string;
  /** Contacts of this window that could not be read; the operator is told too. */
  unreadable: UnreadableContact[];
}

/** The marketplace's own columns, in its order (seller guide, "Product Support Connection"). */
export const CONTACT_EXPORT_COLUMNS = [
  "Product Id",
  "Product Code",
  "Customer Guid",
  "Subscription Guid",
  "Subscription Start Date",
  "Organization",
  "AWS Customer Id",
  "Given Name",
  "Surname",
  "Telephone Number",
  "Email",
  "Title",
  "Country Code",
  "ZIP Code",
  "Operation Time",
  "Operation Type",
] as const;

export type ShareContactInput = z.input<typeof shareContactInputSchema>;
export type UpdateContactInput = z.input<typeof updateContactInputSchema>;
export type ContactChangesInput = z.input<typeof contactChangesInputSchema>;
