import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { createOfferkitClient as createUniversalClient } from "./client";
import type { EulaDocumentView, EulaResource, EulaSource, OfferkitClient, OfferkitClientOptions, UploadOptions } from "./types";

// Everything of the universal entry; its createOfferkitClient is replaced by the one below.
export * from "./index";

/** In Node, `eula.upload` also takes a file path. */
export interface NodeEulaResource extends EulaResource {
  upload(file: EulaSource | string, options?: UploadOptions): Promise<EulaDocumentView>;
}

export interface NodeOfferkitClient extends OfferkitClient {
  eula: NodeEulaResource;
}

/** The same client as in browsers, whose `eula.upload` also reads a PDF from a path. */
export function createOfferkitClient(options: OfferkitClientOptions): NodeOfferkitClient {
  const client = createUniversalClient(options);
  const upload = client.eula.upload;
  return {
    ...client,
    eula: {
      ...client.eula,
      upload: async (file, uploadOptions) => {
        if (typeof file !== "string") return upload(file, uploadOptions);
        const bytes = new Uint8Array(await readFile(file));
        return upload(bytes, { fileName: uploadOptions?.fileName ?? basename(file) });
      },
    },
  };
}
