import { OfferkitError, sha256Schema } from "@offerkit/core";
import { z } from "zod";
import { router, scopedProcedure } from "../trpc";
import { getEulaDocument } from "./read-eula";
import { eulaTooLarge, uploadEula } from "./upload-eula";

const fileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255, "A file name has at most 255 characters")
   
  .regex(/^[^/\\\u0000-\u001f\u007f]+$/, "A file name has no slashes or control characters");

const formDataSchema = z.custom<FormData>((value) => value instanceof FormData, {
  message: "Send multipart/form-data with the PDF in a `file` field",
});

/** EULA PDFs: upload needs `offers:write`, reading metadata `offers:read`. Downloads are plain HTTP. */
export const eulaRouter = router({
  upload: scopedProcedure("offers:write")
    .input(formDataSchema)
    .mutation(async ({ ctx, input }) => {
      const file = input.get("file");
      if (!(file instanceof Blob)) {
        throw new OfferkitError("VALIDATION_FAILED", "A `file` field with the PDF is required", [
          { path: ["file"], message: "Required" },
        ]);
      }
      if (file.size > ctx.deps.config.eulaMaxBytes) throw eulaTooLarge(file.size, ctx.deps.config.eulaMaxBytes);
      const given = input.get("fileName") ?? (file instanceof File && file.name ? file.name : "eula.pdf");
      const fileName = fileNameSchema.safeParse(given);
      if (!fileName.success) {
        throw new OfferkitError("VALIDATION_FAILED", fileName.error.issues[0]?.message, [
          { path: ["fileName"], message: fileName.error.issues[0]?.message ?? "Invalid file name" },
        ]);
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      return uploadEula(ctx.deps, ctx.principal.sellerId, { bytes, fileName: fileName.data });
    }),
  get: scopedProcedure("offers:read")
    .input(z.strictObject({ sha256: sha256Schema }))
    .query(({ ctx, input }) => getEulaDocument(ctx.deps, ctx.principal.sellerId, input.sha256)),
});
