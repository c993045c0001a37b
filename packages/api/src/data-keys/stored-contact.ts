import type { ContactDetails } from "@offerkit/core";
import { z } from "zod";

const optionalText = z.string().optional();

/**
 * The shape a sealed contact opens to. Only the shape: the values were checked when shared, and
 * a contact shared under older field rules (a postal code outside the US, say) still reads back.
 */
export const storedContactSchema: z.ZodType<ContactDetails> = z.object({
  givenName: z.string(),
  surname: z.string(),
  title: optionalText,
  organization: z.string(),
  email: z.string(),
  phone: z.string(),
  countryCode: optionalText,
  postalCode: optionalText,
});
