import type { EulaDocumentView } from "@offerkit/core";

/** A file to upload: bytes or a Blob (in Node, also a file path; see the `node` entry). */
export type EulaSource = Uint8Array | Blob;

export interface UploadOptions {
  /** The name buyers see; defaults to the Blob's or file's name, else `eula.pdf`. */
  fileName?: string;
}

export interface EulaIdInput {
  sha256: string;
}

export interface EulaResource {
  upload(file: EulaSource, options?: UploadOptions): Promise<EulaDocumentView>;
  get(input: EulaIdInput): Promise<EulaDocumentView>;
  /** The original bytes, exactly as uploaded. */
  download(input: EulaIdInput): Promise<Uint8Array>;
}
