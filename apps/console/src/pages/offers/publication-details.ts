import type { PublicationErrorDetail } from "@offerkit/sdk";
import { fieldLabel } from "./field-labels";

/** The marketplace's reasons about one field of the offer, under the console's name for it. */
export interface RefusedField {
  label: string;
  /** The field the publisher named, or null for reasons about the offer as a whole. */
  field: string | null;
  reasons: { code: string; message: string }[];
}

/** The offer field a reason names; older publishers and some reasons name none. */
function fieldOf(detail: PublicationErrorDetail): string | null {
  return "field" in detail && typeof detail.field === "string" && detail.field !== "" ? detail.field : null;
}

/**
 * A failed publication's reasons grouped by the field to fix, in the order the marketplace gave
 * them; reasons naming no field come last, under "The offer as a whole".
 */
export function refusedFields(details: readonly PublicationErrorDetail[]): RefusedField[] {
  const groups = new Map<string | null, RefusedField>();
  for (const detail of details) {
    const field = fieldOf(detail);
    const group = groups.get(field) ?? { label: field === null ? "The offer as a whole" : fieldLabel([field]), field, reasons: [] };
    group.reasons.push({ code: detail.code, message: detail.message });
    groups.set(field, group);
  }
  return [...groups.values()].sort((a, b) => Number(a.field === null) - Number(b.field === null));
}
