import type { MarketplaceCatalogClient } from "@aws-sdk/client-marketplace-catalog";
import type { S3Client } from "@aws-sdk/client-s3";
import { endOfUtcDay, PublisherError, type PublishRequest } from "@offerkit/core";
import { callAws } from "./aws-errors";
import { startChangeSet } from "./catalog";
import { offerChangeSet, type OfferChange } from "./change-set";
import { offerFieldOf } from "./change-fields";
import { changeSetViolations } from "./change-set-schema";
import { clientRequestToken } from "./client-request-token";
import { checkPubliclyReadable, eulaLocation, presignEula, publicEulaUrl, uploadEula, type EulaLocation } from "./eula-object";
import type { AwsPublisherSettings } from "./options";
import { UnpublishableOfferError } from "./pricing-terms";

/**
 * The change set of one offer, proven against the Catalog API's published shapes before any
 * call: a violation fails the publication, naming the change, the field and the rule.
 */
export function provenChangeSet(offerId: string, catalogProductId: string, terms: PublishRequest["terms"], eulaUrl: string): OfferChange[] {
  let changes: OfferChange[];
  try {
    changes = offerChangeSet({ catalogProductId, terms, eulaUrl });
  } catch (error) {
    if (error instanceof UnpublishableOfferError) throw new PublisherError(error.message, { retryable: false, cause: error });
    throw error;
  }
  const violations = changeSetViolations(changes);
  if (violations.length > 0) {
    const details = violations.map(({ change, changeType, field, rule }) => {
      const offerField = offerFieldOf(changeType, field);
      return { code: "SHAPE_VIOLATION", message: `${change}: ${field}: ${rule}`, ...(offerField ? { field: offerField } : {}) };
    });
    throw new PublisherError(
      `Offer ${offerId}'s change set breaks the Catalog API's published shapes, so nothing was sent: ${details.map((detail) => detail.message).join("; ")}`,
      { retryable: false, details },
    );
  }
  return changes;
}

/**
 * Where the marketplace reads the EULA. Presigned, the URL must outlive the acceptance deadline:
 * whether AWS reads it once or each time a buyer opens the offer is not documented, so a URL that
 * could die first is refused rather than hoped for.
 */
async function eulaUrlFor(s3: S3Client, settings: AwsPublisherSettings, location: EulaLocation, request: PublishRequest): Promise<string> {
  if (settings.eulaUrl === "public") return publicEulaUrl(location);
  // Signed as of the attempt's start, not of this call: a retry under the same client request
  // token must send the same change set, or it would no longer be the same request.
  const { url, expiresAt } = await callAws("Presigning the EULA URL", () =>
    presignEula(s3, location, request.attemptStartedAt, settings.eulaUrlExpiresInSeconds),
  );
  const deadlineEnds = endOfUtcDay(request.terms.acceptanceDeadline);
  if (expiresAt < deadlineEnds) {
    throw new PublisherError(
      `The presigned EULA URL would stop working at ${expiresAt.toISOString()}, before the offer's acceptance deadline ends (${deadlineEnds.toISOString()}): S3 signs for 7 days at most, and a role's session ends sooner. Use eulaUrl "public" with the bucket policy in the README`,
      { retryable: false },
    );
  }
  return url;
}

/** Proves the change set, puts the EULA where the marketplace reads it, and starts the change set. */
export async function publishOffer(
  clients: { s3: S3Client; catalog: MarketplaceCatalogClient },
  settings: AwsPublisherSettings,
  request: PublishRequest,
): Promise<{ changeSetId: string }> {
  const { offerId, attempt, product, terms, eula } = request;
  if (product.catalogProductId === null) {
    throw new PublisherError(
      `Product ${product.id} has no catalogProductId (its prod-... ID in the AWS Marketplace Catalog API): set it with products.update, then republish the offer`,
      { retryable: false },
    );
  }
  const location = eulaLocation(settings.eulaBucket, settings.region, settings.eulaKeyPrefix, eula.sha256);
  const eulaUrl = await eulaUrlFor(clients.s3, settings, location, request);
  const changes = provenChangeSet(offerId, product.catalogProductId, terms, eulaUrl);
  await callAws("Uploading the EULA to S3", () => uploadEula(clients.s3, location, eula.bytes));
  if (settings.eulaUrl === "public") await checkPubliclyReadable(eulaUrl, settings.eulaBucket);
  const changeSetId = await callAws("StartChangeSet", () =>
    startChangeSet(clients.catalog, { changes, clientRequestToken: clientRequestToken(offerId, attempt), name: `Offerkit ${offerId}` }),
  );
  return { changeSetId };
}
