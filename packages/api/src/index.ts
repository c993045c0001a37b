export { appRouter, createCaller, type AppRouter, type RouterInputs, type RouterOutputs } from "./root";
export { bearerSecret, createContextInner, type Context } from "./context";
export { systemClock, type ApiConfig, type ApiDeps, type Clock, type IdGenerator } from "./deps";
export { randomIds } from "./ids";
export type { BuyerPrincipal, Principal, SellerPrincipal } from "./auth/principal";
export { requireBuyer, requireSeller } from "./auth/authorize";
export { authenticate } from "./auth/authenticate";
export { createSeller } from "./auth/create-seller";
export { issueApiKey, issueBuyerToken } from "./auth/issue-api-key";
export { ensureDemoSeller, ensureFirstSeller, DEMO_SELLER_ID } from "./bootstrap/bootstrap";
export { readEula, type EulaFile } from "./eula/read-eula";
export { readBuyerEula } from "./buyer/read-buyer-eula";
export { readEulaCopy } from "./eula/read-eula-copy";
export type { EulaCopyFile } from "./eula/eula-copy";
export { acceptOffer } from "./buyer/accept-offer";
export { getBuyerOffer } from "./buyer/get-buyer-offer";
export { buyerDestination, type BuyerDestination } from "./buyer-access/buyer-destination";
export {
  BUYER_SESSION_HOURS,
  buyerOfSession,
  redeemInvitation,
  signInWithBuyerToken,
  signOutBuyer,
  type BuyerSessionSecret,
} from "./buyer-access/buyer-sessions";
export { describeError, toTRPCError, trpcCodeOf, type OfferkitErrorData } from "./errors";
export { createClickTracker, type ClickTracker, type TrackingHit, type TrackingResult } from "./clicks/click-tracker";
export { dailyRefTagReport, weeklyRefTagReport } from "./reports/ref-tag-reports";
export { createContactCipher, UnreadableContactError, type ContactCipher, type ContactCipherOptions } from "./data-keys/contact-cipher";
export { createWebhookSecretCipher, type WebhookSecretCipher } from "./data-keys/webhook-secret-cipher";
export { createKeyring, dataKeyId, type Keyring, type MasterKey } from "./data-keys/keyring";
export { createFileKeyStore, type ContactKeyStore, type WrappedKeyName } from "./data-keys/key-store";
export { checkDataKeys, type DataKeyCheck } from "./data-keys/check-data-keys";
export { rotateDataKey, type RotationResult } from "./data-keys/rotate-data-key";
export { upgradeSealedContacts } from "./data-keys/upgrade-sealed-contacts";
export { resealWebhookSecrets } from "./data-keys/reseal-webhook-secrets";
export { destroyKeysOfDeletedContacts } from "./data-keys/destroy-deleted-keys";
export { exportContactsCsv } from "./contacts/export-contacts-csv";
export { closeContactsOfEndedSubscriptions } from "./contacts/close-ended-subscriptions";
export { lookupEligibility } from "./support/lookup-eligibility";
export { createPublicationFollower, type FollowerOptions, type PublicationFollower } from "./publishing/publication-follower";
export { defaultFollowTimings, type FollowTimings } from "./publishing/follow-timings";
export { systemScheduler, type Scheduler } from "./scheduler";
export { checkReadiness, type Readiness } from "./health/check-readiness";
export { listSellers, type SellerSummary } from "./operator/list-sellers";
export { revokeSellerKeys } from "./operator/revoke-seller-keys";
export { rotateBootstrapKey } from "./operator/rotate-bootstrap-key";
export { createWebhookDeliverer, type DelivererOptions, type WebhookDeliverer } from "./webhooks/webhook-deliverer";
export { defaultWebhookSettings, type WebhookSettings } from "./webhooks/settings";
