import type {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointInput,
  ListWebhookDeliveriesInput,
  ReplayWebhookInput,
  RotatedWebhookSecret,
  RotateWebhookSecretInput,
  TestDeliveryResult,
  UpdateWebhookEndpointInput,
  WebhookDeliveriesPage,
  WebhookEndpointView,
} from "@offerkit/core";
import type { DeleteResult } from "./offers";

export interface WebhookEndpointIdInput {
  endpointId: string;
}

export interface ReplayResult {
  /** How many events were queued to be sent again. */
  queued: number;
}

/** The seller's webhook endpoints: `webhooks:read` to look, `webhooks:write` to change, test and replay. */
export interface WebhooksResource {
  list(): Promise<WebhookEndpointView[]>;
  get(input: WebhookEndpointIdInput): Promise<WebhookEndpointView>;
  /** Its signing secret (`whsec_...`) is in the answer, and never again: keep it now. */
  create(input: CreateWebhookEndpointInput): Promise<CreatedWebhookEndpoint>;
  /** `enabled: true` turns on an endpoint Offerkit disabled, once its receiver is fixed. */
  update(input: UpdateWebhookEndpointInput): Promise<WebhookEndpointView>;
  delete(input: WebhookEndpointIdInput): Promise<DeleteResult>;
  /** A new secret; the old one keeps signing beside it for `overlapHours` (24 by default). */
  rotateSecret(input: RotateWebhookSecretInput): Promise<RotatedWebhookSecret>;
  /** Sends a `webhook.test` event now and answers what the endpoint said. */
  sendTest(input: WebhookEndpointIdInput): Promise<TestDeliveryResult>;
  /** The delivery log, newest first, each delivery with its attempts. */
  deliveries(input: ListWebhookDeliveriesInput): Promise<WebhookDeliveriesPage>;
  /** Sends one event again (`eventId`), or every event of the endpoint's types in `since`..`until`. */
  replay(input: ReplayWebhookInput): Promise<ReplayResult>;
}
