export { buildDeepLink, type DeepLinkOptions } from "./deep-link";
export { init, type InitOptions, type WidgetHandle } from "./init";
export { defineOfferkitElements, type ElementDefaults } from "./elements";
export {
  fetchOfferBanner,
  shareSupportContact,
  WidgetApiError,
  type BuyerConnection,
  type FieldIssue,
  type OfferBanner,
  type SharedContact,
  type SupportContact,
} from "./api";
