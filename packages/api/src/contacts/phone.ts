import { isSupportedCountry, parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * The E.164 form of a phone number typed as free text, or null when it is not a valid number:
 * a number without `+` is read in the contact's country, so `206 555 0100` with US is
 * `+12065550100`. The number as typed is what the seller receives; this goes beside it.
 */
export function e164Of(phone: string, countryCode: string | undefined): string | null {
  const defaultCountry = countryCode !== undefined && isSupportedCountry(countryCode) ? countryCode : undefined;
  const parsed = parsePhoneNumberFromString(phone, { ...(defaultCountry ? { defaultCountry } : {}), extract: false });
  return parsed?.isValid() ? parsed.number : null;
}
