import { z } from "zod";

/**
 * The change types and terms this publisher sends, as the Catalog API's published shapes for
 * `Offer@1.0` state them (AWS's generated models, the `offer_1_0` change details and the
 * `offer_1_0_appendix` terms). Every change set is checked against them before it leaves, so a
 * change the marketplace would refuse fails here, naming the change, the field and the rule.
 * Objects are strict: a misspelt field is an error here, where the marketplace might ignore it.
 */

/** `YYYY-MM-DD` only, a day that exists (the shapes' date pattern, leap years included). */
const DATE =
  /^([1-9]\d{3}-((0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)|([1-9]\d(0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26])00)-02-29)$/;
/** ISO 8601 date durations: `P12M`, `P365D`, `P1Y6M`. */
const DURATION = /^P(?=.)(\d+Y)?(\d+M)?(\d+D)?$/;
/** `Name`, `Description`: starts with a character that is not a space. */
const TEXT = /^\S+[\S\s]*$/;
const PRODUCT_ID = /^[a-zA-Z0-9][.a-zA-Z0-9/-]+[a-zA-Z0-9]$/;
const REFUND_POLICY = /^[\u0000-\u007E\u00A9\u00AE\u2122\u00A2-\u00A5]+$/u;
/** Only the start is anchored in the shapes: scheme, a dotted host, then URL characters. */
const DOCUMENT_URL = /^https?:\/\/(www\.)?[-a-zA-Z0-9@._]{1,256}\.[a-zA-Z0-9()]{2,63}\b([-a-zA-Z0-9@_+./]*)/;
/** Not in the shapes (their item type has no pattern); the Catalog API reference gives `^\d{12}$`. */
const ACCOUNT_ID = /^\d{12}$/;

/** At most 100,000,000 with `decimals` places: the shapes' three price patterns differ only there. */
function priceOf(decimals: number, where: string) {
  const pattern = new RegExp(`^((100000000(\\.0{0,${decimals}})?)|(\\d{1,8}(\\.\\d{0,${decimals}})?))$`);
  return z.string().regex(pattern, `${where} is a decimal string from 0 to 100000000 with at most ${decimals} decimals`);
}
const upfrontPrice = priceOf(3, "Price");
const rateCardPrice = priceOf(8, "Price");
const chargeAmount = priceOf(2, "ChargeAmount");

const date = (field: string) => z.string().regex(DATE, `${field} is a calendar date, YYYY-MM-DD, with no time`);
const duration = (field: string) => z.string().regex(DURATION, `${field} is an ISO 8601 duration such as P12M or P365D`);
const currency = z.enum(["USD", "EUR", "GBP", "AUD", "JPY", "CAD"]);
const dimensionKey = z.string().min(1, "DimensionKey has 1 to 100 characters").max(100, "DimensionKey has 1 to 100 characters");

const rateCardItem = z.strictObject({ DimensionKey: dimensionKey, Price: rateCardPrice });
const rateCard = z.array(rateCardItem).min(1, "A rate card has 1 to 800 items").max(800, "A rate card has 1 to 800 items");
const grantItem = z.strictObject({
  DimensionKey: dimensionKey,
  MaxQuantity: z.number().int().min(1).max(2_147_483_646, "MaxQuantity is a whole number from 1 to 2147483646"),
});
const constraint = z.enum(["Allowed", "Disallowed"]);

/** `FixedUpfrontPricingTerm`: one price for granted quantities; the shape says MaxQuantity is required. */
const fixedUpfrontPricingTerm = z.strictObject({
  Type: z.literal("FixedUpfrontPricingTerm"),
  CurrencyCode: currency,
  Price: upfrontPrice,
  Duration: duration("Duration").optional(),
  Grants: z.array(grantItem).min(1, "Grants has 1 to 800 items").max(800, "Grants has 1 to 800 items"),
});

/** `ConfigurableUpfrontPricingTerm`: rate cards chosen by a duration selector, the only selector type. */
const configurableUpfrontPricingTerm = z.strictObject({
  Type: z.literal("ConfigurableUpfrontPricingTerm"),
  CurrencyCode: currency,
  RateCards: z
    .array(
      z.strictObject({
        Selector: z.strictObject({ Type: z.literal("Duration"), Value: duration("Selector.Value") }),
        Constraints: z.strictObject({ MultipleDimensionSelection: constraint, QuantityConfiguration: constraint }),
        RateCard: rateCard,
      }),
    )
    .min(1, "RateCards has 1 to 5 items")
    .max(5, "RateCards has 1 to 5 items"),
});

/** `UsageBasedPricingTerm`: exactly one rate card, no selector. */
const usageBasedPricingTerm = z.strictObject({
  Type: z.literal("UsageBasedPricingTerm"),
  CurrencyCode: currency,
  RateCards: z.array(z.strictObject({ RateCard: rateCard })).length(1, "A usage-based term has exactly one rate card"),
});

const pricingTerm = z.discriminatedUnion("Type", [fixedUpfrontPricingTerm, configurableUpfrontPricingTerm, usageBasedPricingTerm]);

/** `LegalTerm`: exactly one document; a custom EULA needs its URL. */
const legalTerm = z.strictObject({
  Type: z.literal("LegalTerm"),
  Documents: z
    .array(z.strictObject({ Type: z.literal("CustomEula"), Url: z.string().max(32000).regex(DOCUMENT_URL, "Url is an http(s) URL with a dotted host") }))
    .length(1, "A legal term has exactly one document"),
});

const supportTerm = z.strictObject({
  Type: z.literal("SupportTerm"),
  RefundPolicy: z
    .string()
    .min(1, "RefundPolicy has 1 to 500 characters")
    .max(500, "RefundPolicy has 1 to 500 characters")
    .regex(REFUND_POLICY, "RefundPolicy takes ASCII and © ® ™ ¢ £ ¤ ¥ only"),
});

/** `ValidityTerm`: the agreement runs a duration or to an end date; this publisher sends one of the two. */
const validityTerm = z.union([
  z.strictObject({ Type: z.literal("ValidityTerm"), AgreementDuration: duration("AgreementDuration") }),
  z.strictObject({ Type: z.literal("ValidityTerm"), AgreementEndDate: date("AgreementEndDate") }),
]);

const paymentScheduleTerm = z.strictObject({
  Type: z.literal("PaymentScheduleTerm"),
  CurrencyCode: currency,
  Schedule: z
    .array(z.strictObject({ ChargeDate: date("ChargeDate"), ChargeAmount: chargeAmount }))
    .min(1, "Schedule has 1 to 60 installments")
    .max(60, "Schedule has 1 to 60 installments"),
});

const createdOffer = z.strictObject({ Type: z.literal("Offer@1.0"), Identifier: z.string().min(1) });
const oneTerm = <T extends z.ZodType>(term: T) => z.strictObject({ Terms: z.array(term).length(1, "Terms holds exactly one term here") });

/** Each change type this publisher sends, with its `DetailsDocument`. */
export const offerChangeSchema = z.discriminatedUnion("ChangeType", [
  z.strictObject({
    ChangeType: z.literal("CreateOffer"),
    ChangeName: z.string().min(1),
    Entity: z.strictObject({ Type: z.literal("Offer@1.0") }),
    DetailsDocument: z.strictObject({ ProductId: z.string().max(50).regex(PRODUCT_ID, "ProductId is the product's entity ID, e.g. prod-abc123") }),
  }),
  z.strictObject({
    ChangeType: z.literal("UpdateInformation"),
    Entity: createdOffer,
    DetailsDocument: z.strictObject({
      Name: z.string().max(150, "Name has at most 150 characters").regex(TEXT, "Name starts with a character that is not a space"),
      Description: z.string().max(255, "Description has at most 255 characters").regex(TEXT, "Description starts with a character that is not a space"),
    }),
  }),
  z.strictObject({
    ChangeType: z.literal("UpdateTargeting"),
    Entity: createdOffer,
    DetailsDocument: z.strictObject({
      PositiveTargeting: z.strictObject({
        BuyerAccounts: z
          .array(z.string().regex(ACCOUNT_ID, "A buyer account is 12 digits"))
          .min(1, "BuyerAccounts has 1 to 26 accounts")
          .max(26, "BuyerAccounts has 1 to 26 accounts"),
      }),
    }),
  }),
  z.strictObject({
    ChangeType: z.literal("UpdatePricingTerms"),
    Entity: createdOffer,
    DetailsDocument: z.strictObject({
      PricingModel: z.enum(["Byol", "Free", "Usage", "Contract"]),
      Terms: z.array(pricingTerm).min(1, "Terms holds at least one pricing term"),
    }),
  }),
  z.strictObject({ ChangeType: z.literal("UpdateLegalTerms"), Entity: createdOffer, DetailsDocument: oneTerm(legalTerm) }),
  z.strictObject({ ChangeType: z.literal("UpdateSupportTerms"), Entity: createdOffer, DetailsDocument: oneTerm(supportTerm) }),
  z.strictObject({ ChangeType: z.literal("UpdateValidityTerms"), Entity: createdOffer, DetailsDocument: oneTerm(validityTerm) }),
  z.strictObject({ ChangeType: z.literal("UpdatePaymentScheduleTerms"), Entity: createdOffer, DetailsDocument: oneTerm(paymentScheduleTerm) }),
  z.strictObject({
    ChangeType: z.literal("UpdateAvailability"),
    Entity: createdOffer,
    DetailsDocument: z.strictObject({ AvailabilityEndDate: date("AvailabilityEndDate") }),
  }),
  z.strictObject({ ChangeType: z.literal("ReleaseOffer"), Entity: createdOffer, DetailsDocument: z.strictObject({}) }),
]);

/** One rule a change breaks: which change, which field of it, and the rule. */
export interface ChangeSetViolation {
  change: string;
  /** The change's type, e.g. `UpdateSupportTerms`. */
  changeType: string;
  field: string;
  rule: string;
}

/** Every rule of the published shapes that a change set breaks; none when it may be sent. */
export function changeSetViolations(changes: readonly unknown[]): ChangeSetViolation[] {
  return changes.flatMap((change, index) => {
    const parsed = offerChangeSchema.safeParse(change);
    if (parsed.success) return [];
    const type = typeof change === "object" && change !== null && "ChangeType" in change ? String(change.ChangeType) : "unknown";
    return parsed.error.issues.map((issue) => ({ change: `${type} (change ${index + 1})`, changeType: type, field: issue.path.join("."), rule: issue.message }));
  });
}
