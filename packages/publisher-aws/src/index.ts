export { CATALOG, CREATE_OFFER_CHANGE, OFFER_ENTITY_TYPE, offerChangeSet, type OfferChange, type OfferChangeSetInput } from "./change-set";
export { changeSetViolations, offerChangeSchema, type ChangeSetViolation } from "./change-set-schema";
export { clientRequestToken } from "./client-request-token";
export type { Json } from "./json";
export { pricingTermsDocument, UnpublishableOfferError, type MarketplacePricingModel, type PricingTermsDocument } from "./pricing-terms";
export { createAwsPublisher, type AwsPublisherDeps } from "./aws-publisher";
export { awsPublisherOptionsSchema, type AwsPublisherOptions } from "./options";
export { procurementUrl } from "./catalog";
