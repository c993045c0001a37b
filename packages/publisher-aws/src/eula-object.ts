import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

export interface EulaLocation {
  bucket: string;
  /** `<prefix><sha256>.pdf`: a EULA is stored once, whatever the number of offers using it. */
  key: string;
}

export function eulaLocation(bucket: string, keyPrefix: string, sha256: string): EulaLocation {
  return { bucket, key: `${keyPrefix}${sha256}.pdf` };
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
 * A URL the marketplace can fetch the EULA from, with the bucket kept private: signed with the
 * publisher's credentials at `signedAt`, valid `expiresInSeconds` (S3 allows at most 7 days).
 */
export async function presignEula(s3: S3Client, location: EulaLocation, signedAt: Date, expiresInSeconds: number): Promise<string> {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: location.bucket, Key: location.key }), {
    expiresIn: expiresInSeconds,
    signingDate: signedAt,
  });
}
