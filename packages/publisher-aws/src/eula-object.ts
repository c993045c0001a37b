import { PutObjectCommand, GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { PublisherError } from "@offerkit/core";

export interface EulaLocation {
  bucket: string;
  region: string;
  /** `<prefix><sha256>.pdf`: a EULA is stored once, whatever the number of offers using it. */
  key: string;
}

export function eulaLocation(bucket: string, region: string, keyPrefix: string, sha256: string): EulaLocation {
  return { bucket, region, key: `${keyPrefix}${sha256}.pdf` };
}

/** Uploads the EULA PDF; the same bytes under the same key, so uploading again is harmless. */
export async function uploadEula(s3: S3Client, location: EulaLocation, bytes: Uint8Array): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: location.bucket,
      Key: location.key,
      Body: bytes,
      ContentType: "application/pdf",
      ContentDisposition: 'inline; filename="eula.pdf"',
    }),
  );
}

/**
 * The object's plain URL, which never expires: readable once the seller's bucket policy opens the
 * EULA prefix to reads (the README gives the policy). A bucket name with dots would break the
 * certificate of a virtual-hosted URL, so such buckets get the path-style one.
 */
export function publicEulaUrl({ bucket, region, key }: EulaLocation): string {
  return bucket.includes(".") ? `https://s3.${region}.amazonaws.com/${bucket}/${key}` : `https://${bucket}.s3.${region}.amazonaws.com/${key}`;
}

/**
 * Asks for the EULA as the marketplace will, with no credentials: an offer whose EULA the
 * marketplace cannot read fails on AWS long after the send, so it fails here first, saying what
 * to set up.
 */
export async function checkPubliclyReadable(url: string, bucket: string): Promise<void> {
  let status: number;
  try {
    status = (await fetch(url, { method: "HEAD", redirect: "manual" })).status;
  } catch (error) {
    throw new PublisherError(`Could not reach the EULA's URL ${url} to check it is readable`, { retryable: true, cause: error });
  }
  if (status === 200) return;
  throw new PublisherError(
    `AWS Marketplace could not read the EULA at ${url} (HTTP ${status} without credentials): allow s3:GetObject on the EULA prefix of bucket ${bucket} in its bucket policy (see the publisher's README), or set eulaUrl to "presigned"`,
    { retryable: status >= 500 },
  );
}

/**
 * A URL signed with the publisher's credentials at `signedAt`, valid `expiresInSeconds` (S3
 * allows at most 7 days) or until those credentials expire, whichever is first: a URL signed with
 * a role's session dies with the session.
 */
export async function presignEula(
  s3: S3Client,
  location: EulaLocation,
  signedAt: Date,
  expiresInSeconds: number,
): Promise<{ url: string; expiresAt: Date }> {
  const credentials = await s3.config.credentials();
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: location.bucket, Key: location.key }), {
    expiresIn: expiresInSeconds,
    signingDate: signedAt,
  });
  const signatureEnds = signedAt.getTime() + expiresInSeconds * 1000;
  const sessionEnds = credentials.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
  return { url, expiresAt: new Date(Math.min(signatureEnds, sessionEnds)) };
}
