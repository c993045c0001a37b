/**
 * The rules of `@offerkit/core` a form checks as the user types: the very zod schemas and
 * messages the server applies, so a browser shows the server's words before anything is sent
 * (one source; the server's answer stays the final word). Browser-safe: no Node imports.
 *
 * The one place the SDK bundles code of `@offerkit/core` beyond its link rules: these modules
 * depend on zod alone, which the SDK depends on; `tarball.test.ts` checks that the built files
 * import nothing the package does not declare.
 */
export {
  INSTALLMENT_DECIMALS,
  MAX_BUYER_ACCOUNTS,
  MAX_INSTALLMENTS,
  UPFRONT_DECIMALS,
  USAGE_DECIMALS,
  accountIdSchema,
  agreementTermSchema,
  buyerAccountsSchema,
  calendarDateSchema,
  grantedQuantitySchema,
  installmentAmountSchema,
  installmentSchema,
  installmentsSchema,
  normalizeDecimal,
  offerDescriptionSchema,
  offerNameSchema,
  refundPolicySchema,
  termRequirements,
  upfrontPriceSchema,
  usagePriceSchema,
} from "@offerkit/core";
