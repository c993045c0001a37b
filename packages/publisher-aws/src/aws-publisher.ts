import { MarketplaceAgreementClient } from "@aws-sdk/client-marketplace-agreement";
import { MarketplaceCatalogClient } from "@aws-sdk/client-marketplace-catalog";
import { S3Client } from "@aws-sdk/client-s3";
import { PublisherError, type MarketplacePublisher, type PublishRequest } from "@offerkit/core";
import { listOfferAgreements } from "./agreements";
import { toPublisherError } from "./aws-errors";
import { describeChangeSet, startChangeSet } from "./catalog";
import { offerChangeSet } from "./change-set";
import { clientRequestToken } from "./client-request-token";
import { eulaLocation, presignEula, uploadEula } from "./eula-object";
import { awsPublisherOptionsSchema, type AwsPublisherOptions } from "./options";
import { UnpublishableOfferError } from "./pricing-terms";

export interface AwsPublisherDeps {
  /** Static credentials; left out, the SDK's default chain (environment, profile, role) finds them when first needed. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/**
 * Publishes sent offers to AWS Marketplace as private offers: the EULA goes to S3 and the
 * marketplace gets a presigned URL to it; the offer becomes one change set; agreements are
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

  async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toPublisherError(operation, error);
    }
  }

  return {
    kind: "marketplace",
    name: "aws",

    async publish({ offerId, attempt, attemptStartedAt, product, terms, eula }: PublishRequest) {
      if (product.catalogProductId === null) {
        throw new PublisherError(
          `Product ${product.id} has no catalogProductId (its prod-... ID in the AWS Marketplace Catalog API): set it with products.update, then republish the offer`,
          { retryable: false },
        );
      }
      const location = eulaLocation(settings.eulaBucket, settings.eulaKeyPrefix, eula.sha256);
      await call("Uploading the EULA to S3", () => uploadEula(s3, location, eula.bytes));
      // Signed as of the attempt's start, not of this call: a retry under the same client request
      // token must send the same change set, or it would no longer be the same request.
      const eulaUrl = await call("Presigning the EULA URL", () => presignEula(s3, location, attemptStartedAt, settings.eulaUrlExpiresInSeconds));
      let changes;
      try {
        changes = offerChangeSet({ catalogProductId: product.catalogProductId, terms, eulaUrl });
      } catch (error) {
        if (error instanceof UnpublishableOfferError) throw new PublisherError(error.message, { retryable: false, cause: error });
        throw error;
      }
      const changeSetId = await call("StartChangeSet", () =>
        startChangeSet(catalog, { changes, clientRequestToken: clientRequestToken(offerId, attempt), name: `Offerkit ${offerId}` }),
      );
      return { changeSetId };
    },

    follow(input) {
      return call("DescribeChangeSet", () => describeChangeSet(catalog, input));
    },

    listAgreements(marketplaceOfferId) {
      return call("SearchAgreements", () => listOfferAgreements(agreements, marketplaceOfferId));
    },
  };
}
