import { access } from "node:fs/promises";
import { resolve } from "node:path";
import { normalizeAccounts } from "./accounts";
import { UsageError } from "./errors";
import type { OfferFile } from "./offer-file";
import type { OfferFlags } from "./offer-input";

/** The flags that set an offer's terms, shared by `offers create` and `offers update`. */
export const termOptions = {
  file: { type: "string" },
  account: { type: "string", multiple: true },
  name: { type: "string" },
  description: { type: "string" },
  price: { type: "string", multiple: true },
  "annual-price": { type: "string", multiple: true },
  "monthly-fee": { type: "string" },
  eula: { type: "string" },
  duration: { type: "string" },
  "end-date": { type: "string" },
  deadline: { type: "string" },
  "refund-policy": { type: "string" },
  installment: { type: "string", multiple: true },
} as const;

interface TermValues {
  account?: string[] | undefined;
  name?: string | undefined;
  description?: string | undefined;
  price?: string[] | undefined;
  "annual-price"?: string[] | undefined;
  "monthly-fee"?: string | undefined;
  duration?: string | undefined;
  "end-date"?: string | undefined;
  deadline?: string | undefined;
  "refund-policy"?: string | undefined;
  installment?: string[] | undefined;
}

/** The parsed term flags as `OfferFlags`, account IDs read as people paste them. */
export function termFlags(values: TermValues): OfferFlags {
  return {
    accounts: values.account === undefined ? undefined : normalizeAccounts(values.account),
    name: values.name,
    description: values.description,
    prices: values.price,
    annualPrices: values["annual-price"],
    monthlyFee: values["monthly-fee"],
    duration: values.duration,
    endDate: values["end-date"],
    deadline: values.deadline,
    refundPolicy: values["refund-policy"],
    installments: values.installment,
  };
}

/** The EULA to upload, from --eula or the file; a missing PDF is caught before anything is written. */
export async function eulaPath(flag: string | undefined, file: OfferFile, cwd: string, command: string): Promise<string | undefined> {
  const path = flag === undefined ? file.eulaFile : resolve(cwd, flag);
  if (path === undefined) return undefined;
  try {
    await access(path);
  } catch {
    throw new UsageError(`${flag === undefined ? "eulaFile" : "--eula"} ${flag ?? path}: no such file`, command);
  }
  return path;
}

/** The term flags' help, the same words in both commands. */
export const termFlagsHelp = `  --account <12 digits>       A buyer account ID, repeatable; 1234-5678-9012, spaces, or a
                              list separated by commas are read as 12 digits each (replaces
                              the file's list)
  --name <text>               The offer's name, shown to the buyer
  --description <text>        An internal description, never shown to buyers
  --price <key>=<price>       A price per dimension, repeatable, in USD as written ("45.50"):
                                saas_contract: per unit for the whole term
                                usage, saas_subscription: per unit
                                hourly, hourly_annual: per instance-hour
                              Each replaces the file's price for that dimension.
  --annual-price <key>=<price>  hourly_annual only: USD for 12 months prepaid, repeatable
  --monthly-fee <price>       monthly only: USD per month
                              (free and byol products take no prices)
  --eula <pdf>                A EULA PDF to upload first; the offer uses its sha256
  --duration <P12M|P365D>     How long the agreement runs: months for saas_contract (P1M to
                              P60M), days for every other model (P1D to P1095D)
  --end-date <YYYY-MM-DD>     Or the day it ends: saas_contract paid in installments only
  --deadline <YYYY-MM-DD>     The last UTC day the buyer may accept, through 23:59:59 UTC
  --refund-policy <text>      How the buyer asks for a refund; required for a paid offer
  --installment <date>=<USD>  One charge of a payment schedule, repeatable, in order, e.g.
                              --installment 2027-01-15=30000.00 (replaces the file's list)`;
