import { OfferkitError, type ContactDetails, type ContactView, type SharedContactDetails } from "@offerkit/core";
import type { ContactRecord } from "@offerkit/db";
import type { ApiDeps } from "../deps";
import { e164Of } from "./phone";

/** The details as shared, with the phone's E.164 form beside the number as typed. */
export function withPhoneE164(details: ContactDetails): SharedContactDetails {
  return { ...details, phoneE164: e164Of(details.phone, details.countryCode) };
}

/** A live contact as its buyer sees it. */
export async function toContactView(deps: Pick<ApiDeps, "cipher">, record: ContactRecord): Promise<ContactView> {
  if (record.sealed === null) throw new OfferkitError("NOT_FOUND", `No contact ${record.id}`);
  const details = withPhoneE164(await deps.cipher.open(record.id, record.sealed));
  return { id: record.id, subscriptionId: record.subscriptionId, ...details, createdAt: record.createdAt, updatedAt: record.updatedAt };
}
