import type { OfferView, Product } from "@offerkit/sdk";

type Pair = [string, string];
type OfferPricing = NonNullable<OfferView["pricing"]>;
type Agreement = NonNullable<OfferView["agreement"]>;

function priceLines(table: Record<string, string>, unit: string): Pair[] {
  return Object.entries(table).map(([key, price]) => [`  ${key}`, `${price} USD ${unit}`]);
}

/** Each price on its own line, with the unit the model charges by. */
export function pricingLines(pricing: OfferPricing | null): Pair[] {
  if (pricing === null) return [["Pricing", ""]];
  const head: Pair = ["Pricing", pricing.model];
  switch (pricing.model) {
    case "free":
    case "byol":
      return [head];
    case "monthly":
      return [head, ["  monthly fee", `${pricing.monthlyFee} USD per month`]];
    case "hourly":
      return [head, ...priceLines(pricing.hourly, "per hour")];
    case "hourly_annual":
      return [head, ...priceLines(pricing.hourly, "per hour"), ...priceLines(pricing.annual, "per year")];
    case "usage":
    case "saas_subscription":
      return [head, ...priceLines(pricing.rates, "per unit")];
    case "saas_contract":
      return [head, ...priceLines(pricing.contract, "per unit for the term")];
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
export function publicationLines(offer: Pick<OfferView, "buyerUrl" | "publication">): Pair[] {
  const { state, attempt, marketplaceOfferId, buyerUrl, error, agreement } = offer.publication;
  if (state === "not_published") return [["Publication", "not published"]];
  const pairs: Pair[] = [["Publication", attempt > 1 ? `${state} (attempt ${attempt})` : state]];
  if (marketplaceOfferId !== null) pairs.push(["Marketplace offer", marketplaceOfferId]);
  if (buyerUrl !== null && buyerUrl !== offer.buyerUrl) pairs.push(["Marketplace URL", buyerUrl]);
  if (error !== null) {
    pairs.push(["Publication error", error.message], ...error.details.map((detail): Pair => [`  ${detail.code}`, detail.message]));
  }
  if (agreement !== null) {
    const term = agreement.startsAt !== null && agreement.endsAt !== null ? `, runs ${agreement.startsAt} to ${agreement.endsAt}` : "";
    pairs.push(["Marketplace agreement", `${agreement.id}, accepted ${agreement.acceptedAt}${term}`]);
  }
  return pairs;
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
    ["Deadline", offer.acceptanceDeadline ?? ""],
    ["Refund policy", offer.refundPolicy ?? ""],
    ...(offer.installments ?? []).map((installment, index): Pair => [`Installment ${index + 1}`, `${installment.chargeDate}  ${installment.amount} USD`]),
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
  return pairs;
}
