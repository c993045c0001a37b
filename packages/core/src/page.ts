import { z } from "zod";

/** A page request: pass back a page's `nextCursor` to get the next one. */
export const pageInputSchema = z
  .strictObject({
    cursor: z.string().max(200).optional().describe("The `nextCursor` of the previous page"),
    limit: z.number().int().min(1).max(100).default(25).describe("Items per page, 1 to 100"),
  })
  .default({ limit: 25 });

export type PageInput = z.input<typeof pageInputSchema>;
