import { MarketplaceAgreementClient } from "@aws-sdk/client-marketplace-agreement";
import { MarketplaceCatalogClient } from "@aws-sdk/client-marketplace-catalog";
import { S3Client } from "@aws-sdk/client-s3";
import type { MarketplacePublisher, PublishRequest } from "@offerkit/core";
import { listOfferAgreements } from "./agreements";
import { callAws } from "./aws-errors";
import { describeChangeSet } from "./catalog";
import { awsPublisherOptionsSchema, type AwsPublisherOptions } from "./options";
import { publishOffer } from "./publish-offer";

export interface AwsPublisherDeps {
  /** Static credentials; left out, the SDK's default chain (environment, profile, role) finds them when first needed. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date };
}

/**
 * Publishes sent offers to AWS Marketplace as private offers: the EULA goes to S3 and the
 * marketplace gets a URL it can read (see `eulaUrl`); the offer becomes one change set; agreements are
 * listed by the marketplace's offer ID. No call is made until a publication needs one, so
 * creating it needs neither credentials nor a network.
 */
export function createAwsPublisher(options: AwsPublisherOptions, deps: AwsPublisherDeps = {}): MarketplacePublisher {
  const settings = awsPublisherOptionsSchema.parse(options);
  const clientConfig = {
    region: settings.region,
    maxAttempts: settings.maxAttempts,
    ...(deps.credentials ? { credentials: deps.credentials } : {}),
  };
  const s3 = new S3Client(clientConfig);
  const catalog = new MarketplaceCatalogClient(clientConfig);
  const agreements = new MarketplaceAgreementClient(clientConfig);

  return {
    kind: "marketplace",
    name: "aws",

    publish(request: PublishRequest) {
      return publishOffer({ s3, catalog }, settings, request);
    },

    follow(input) {
      return callAws("DescribeChangeSet", () => describeChangeSet(catalog, input));
    },

    listAgreements(marketplaceOfferId) {
      return callAws("SearchAgreements", () => listOfferAgreements(agreements, marketplaceOfferId));
    },
  };
}
