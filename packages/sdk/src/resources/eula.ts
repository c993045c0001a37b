import { call, type ClientContext } from "../context";
import type { EulaResource, EulaSource, UploadOptions } from "../types/eula";

function fileNameOf(file: EulaSource, options: UploadOptions | undefined): string {
  if (options?.fileName) return options.fileName;
  if (typeof File !== "undefined" && file instanceof File && file.name) return file.name;
  return "eula.pdf";
}

/** EULA PDFs: upload (multipart), metadata and the original bytes. */
export function eulaResource({ trpc, download }: ClientContext): EulaResource {
  return {
    upload: (file, options) => {
      const form = new FormData();
      form.append("file", file instanceof Blob ? file : new Blob([new Uint8Array(file)], { type: "application/pdf" }), fileNameOf(file, options));
      if (options?.fileName) form.append("fileName", options.fileName);
      return call(() => trpc.eula.upload.mutate(form));
    },
    get: (input) => call(() => trpc.eula.get.query(input)),
    download: (input) => download(`/eula/${encodeURIComponent(input.sha256)}`),
  };
}
