import { z } from "zod";

/** S3 signs a URL for at most 7 days. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;

export const awsRegionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "must be an AWS region such as us-east-1");
export const s3BucketSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name (3 to 63 lower-case letters, digits, dots or dashes)");
export const s3KeyPrefixSchema = z
  .string()
  .max(200, "must be at most 200 characters")
  .regex(/^([A-Za-z0-9!_.*'()-]+\/)*$/, "must be empty or folder names each ending in /, e.g. offerkit/eulas/");

/**
 * The AWS publisher's settings. Kept apart from the publisher so that reading a configuration
 * loads no AWS SDK code.
 */
export const awsPublisherOptionsSchema = z.object({
  region: awsRegionSchema.default("us-east-1"),
  eulaBucket: s3BucketSchema,
  /** Where in the bucket EULAs go; they are named by their SHA-256. */
  eulaKeyPrefix: s3KeyPrefixSchema.default("offerkit/eulas/"),
  /**
   * How the marketplace reads EULAs: `public`, the object's plain URL under a prefix the bucket
   * policy opens to reads (never expires); or `presigned`, a signed URL, refused when it would
   * expire before the offer's deadline ends.
   */
  eulaUrl: z.enum(["public", "presigned"]).default("public"),
  /** With `presigned`: how long the signature is valid. */
  eulaUrlExpiresInSeconds: z.number().int().min(3600).max(MAX_PRESIGN_SECONDS).default(MAX_PRESIGN_SECONDS),
  /** How many times the SDK sends one request before it gives up (it backs off between tries). */
  maxAttempts: z.number().int().min(1).max(10).default(4),
});
export type AwsPublisherOptions = z.input<typeof awsPublisherOptionsSchema>;
export type AwsPublisherSettings = z.output<typeof awsPublisherOptionsSchema>;
