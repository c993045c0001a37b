import type { EligibilityView, SupportLookupRecord } from "@offerkit/core";

/** A customer by its 12-digit account ID, or a SaaS customer by its customer identifier. */
export type SupportLookupInput =
  | {
      /** The buyer's 12-digit account ID. */
      account: string;
    }
  | {
      /** The SaaS customer identifier a SaaS subscription shows (13 letters and digits). */
      customerIdentifier: string;
    };

export interface AuditLogInput {
  /** How many entries, newest first: 1 to 1000, default 100. */
  limit?: number;
}

export interface SupportResource {
  /** The account's subscriptions to your products, with 30 days of usage and charges (hourly + annual as billed). Audited. */
  lookup(input: SupportLookupInput): Promise<EligibilityView>;
  /** Who looked up which account, newest first (`admin`). */
  auditLog(input?: AuditLogInput): Promise<SupportLookupRecord[]>;
}
