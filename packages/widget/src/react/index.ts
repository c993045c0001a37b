export { MarketplaceLink, type MarketplaceLinkProps } from "./marketplace-link";
export { MarketplaceButton } from "./marketplace-button";
export { PrivateOfferBanner, type PrivateOfferBannerProps } from "./private-offer-banner";
export { SupportContactForm, type SupportContactFormProps } from "./support-contact-form";
export { buildDeepLink, type DeepLinkOptions } from "../deep-link";
export { WidgetApiError, type FieldIssue, type SharedContact, type SupportContact } from "../api";
