import type { OfferView, Product, PublicationErrorDetail } from "@offerkit/sdk";
import { usd } from "./money";

type Pair = [string, string];
type OfferPricing = NonNullable<OfferView["pricing"]>;
type Agreement = NonNullable<OfferView["agreement"]>;

/** A dimension granted a quantity by a payment schedule says how many, with its upfront price (0 once sendable). */
function priceLines(table: Record<string, string>, unit: string, granted?: { quantities: Record<string, number> | undefined; unit: string }): Pair[] {
  return Object.entries(table).map(([key, price]) => {
    const quantity = granted?.quantities?.[key];
    return [`  ${key}`, quantity === undefined ? `${usd(price)} ${unit}` : `${quantity} ${granted?.unit ?? ""}, ${usd(price)} each upfront`];
  });
}

/** Each price on its own line, with the unit the model charges by. */
export function pricingLines(pricing: OfferPricing | null, label = "Pricing"): Pair[] {
  if (pricing === null) return [[label, ""]];
  const head: Pair = [label, pricing.model === "free" || pricing.model === "byol" ? pricing.model : `${pricing.model}, in USD`];
  switch (pricing.model) {
    case "free":
    case "byol":
      return [head];
    case "monthly":
      return [head, ["  monthly fee", `${usd(pricing.monthlyFee)} per month`]];
    case "hourly":
      return [head, ...priceLines(pricing.hourly, "per hour")];
    case "hourly_annual":
      return [
        head,
        ...priceLines(pricing.hourly, "per hour"),
        ...priceLines(pricing.annual, "per year", { quantities: pricing.annualQuantities, unit: "on the annual term" }),
      ];
    case "usage":
    case "saas_subscription":
      return [head, ...priceLines(pricing.rates, "per unit")];
    case "saas_contract":
      return [head, ...priceLines(pricing.contract, "per unit for the term", { quantities: pricing.quantities, unit: "units for the term" })];
  }
}

export function describeAgreement(agreement: Agreement | null): string {
  if (agreement === null) return "";
  if (agreement.kind === "endDate") return `until ${agreement.endDate}`;
  const amount = Number(agreement.duration.slice(1, -1));
  const unit = agreement.duration.endsWith("M") ? "month" : "day";
  return `${amount} ${unit}${amount === 1 ? "" : "s"} (${agreement.duration})`;
}

/** Where the offer stands on the live marketplace, and why, when it failed there. */
export function publicationLines(offer: Pick<OfferView, "id" | "buyerUrl" | "publication">): Pair[] {
  const { state, attempt, marketplaceOfferId, buyerUrl, error, agreement } = offer.publication;
  if (state === "not_published") return [["Publication", "not published"]];
  const pairs: Pair[] = [["Publication", attempt > 1 ? `${state} (attempt ${attempt})` : state]];
  if (marketplaceOfferId !== null) pairs.push(["Marketplace offer", marketplaceOfferId]);
  if (buyerUrl !== null && buyerUrl !== offer.buyerUrl) pairs.push(["Marketplace URL", buyerUrl]);
  if (error !== null) {
    pairs.push(["Publication error", error.message], ...error.details.map((detail): Pair => [`  ${detail.code}`, withField(fieldOf(detail), detail.message)]));
  }
  if (state === "failed") pairs.push(["To fix", `a sent offer never changes: offerkit offers copy ${offer.id}, fix the fields named above in the copy, and send it`]);
  if (agreement !== null) {
    const term = agreement.startsAt !== null && agreement.endsAt !== null ? `, runs ${agreement.startsAt} to ${agreement.endsAt}` : "";
    pairs.push(["Marketplace agreement", `${agreement.id}, accepted ${agreement.acceptedAt}${term}`]);
  }
  return pairs;
}

/** The offer field a marketplace reason names, when the publisher could tell. */
function fieldOf(detail: PublicationErrorDetail): string | undefined {
  return "field" in detail && typeof detail.field === "string" && detail.field !== "" ? detail.field : undefined;
}

function withField(field: string | undefined, message: string): string {
  return field === undefined ? message : `${field}: ${message}`;
}

/**
 * What stops a draft from being sent today, one line per rule with the field's path as the
 * offer file writes it (`pricing.quantities.seats`); a sent offer has none to show.
 */
export function problemLines(offer: Pick<OfferView, "status" | "problems">): Pair[] {
  if (offer.status !== "draft") return [];
  if (offer.problems.length === 0) return [["Problems", "none: it can be sent"]];
  return offer.problems.map((problem): Pair => ["Problem", withField(problem.path.join(".") || undefined, problem.message)]);
}

/** Every term of an offer for a person to read, in the order a rep checks them. */
export function offerDetails(offer: OfferView, product: Product | undefined): Pair[] {
  const eula = offer.eula;
  const pairs: Pair[] = [
    ["ID", offer.id],
    ["Status", offer.status],
    ["Version", String(offer.version)],
    ["Product", product === undefined ? "" : `${product.asin} ${product.title}`],
    ["Product ID", offer.productId],
    ["Name", offer.name ?? ""],
    ["Description", offer.description ?? ""],
    ["Buyers", offer.buyerAccounts.join(", ")],
    ...pricingLines(offer.pricing),
    ["Agreement", describeAgreement(offer.agreement)],
    ["Deadline", offer.acceptanceDeadline === null ? "" : `${offer.acceptanceDeadline} (buyers may accept until 23:59:59 UTC)`],
    ["Refund policy", offer.refundPolicy ?? ""],
    ...(offer.installments ?? []).map((installment, index): Pair => [`Installment ${index + 1}`, `${installment.chargeDate}  ${usd(installment.amount)}`]),
    ...(offer.installmentsTotal === null ? [] : [["Installments total", `${usd(offer.installmentsTotal)} USD`] satisfies Pair]),
    ["EULA", eula === null ? "" : `${eula.fileName}, ${eula.pageCount} page${eula.pageCount === 1 ? "" : "s"}, ${eula.size} bytes`],
    ["EULA sha256", eula?.sha256 ?? ""],
    ["Buyer URL", offer.buyerUrl ?? ""],
    ["Terms sha256", offer.termsSha256 ?? ""],
    ...publicationLines(offer),
  ];
  if (offer.replacesOfferId !== null) pairs.push(["Replaces", offer.replacesOfferId]);
  pairs.push(["Created", offer.createdAt], ["Updated", offer.updatedAt]);
  if (offer.sentAt !== null) pairs.push(["Sent", offer.sentAt]);
  if (offer.acceptedAt !== null) pairs.push(["Accepted", offer.acceptedAt]);
  // Last, where a terminal leaves the eye: what to fix before sending.
  pairs.push(...problemLines(offer));
  return pairs;
}
