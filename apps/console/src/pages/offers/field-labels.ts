/** The names the console gives the offer's fields, where the server names them by path. */
const TOP_LEVEL: Record<string, string> = {
  productId: "Product",
  name: "Offer name",
  description: "Internal description",
  buyerAccounts: "Buyer accounts",
  pricing: "Prices",
  eulaSha256: "EULA",
  agreement: "Agreement length",
  acceptanceDeadline: "Acceptance deadline",
  refundPolicy: "Refund policy",
  installments: "Installments",
};

/** Each pricing table: its name as a whole, and for one dimension (`seats` -> "Quantity of seats"). */
const PRICING: Record<string, { whole: string; one: (key: string) => string }> = {
  model: { whole: "Pricing model", one: () => "Pricing model" },
  contract: { whole: "Contract prices", one: (key) => `Price of ${key}` },
  hourly: { whole: "Hourly prices", one: (key) => `Hourly price of ${key}` },
  annual: { whole: "Annual prices", one: (key) => `Annual price of ${key}` },
  rates: { whole: "Rates", one: (key) => `Rate of ${key}` },
  monthlyFee: { whole: "Monthly fee", one: () => "Monthly fee" },
  quantities: { whole: "Quantities", one: (key) => `Quantity of ${key}` },
  annualQuantities: { whole: "Annual quantities", one: (key) => `Annual quantity of ${key}` },
};

const ITEM_PARTS: Record<string, string> = { chargeDate: "date", amount: "amount" };

/**
 * A field path as a rep reads it: `["pricing","quantities","seats"]` -> "Quantity of seats",
 * `["installments",1,"chargeDate"]` -> "Installment 2 date". A path it does not know is shown
 * under its top-level field's name, or as written.
 */
export function fieldLabel(path: readonly (string | number)[]): string {
  const [field, second, third] = path;
  if (field === undefined) return "Offer";
  const top = TOP_LEVEL[String(field)];
  if (top === undefined) return path.join(".");
  if (second === undefined) return top;
  if (field === "pricing") {
    const table = PRICING[String(second)];
    if (table === undefined) return top;
    return third === undefined ? table.whole : table.one(String(third));
  }
  if (field === "agreement") return second === "endDate" ? "Agreement end date" : top;
  if ((field === "installments" || field === "buyerAccounts") && typeof second === "number") {
    const item = `${field === "installments" ? "Installment" : "Buyer account"} ${second + 1}`;
    const part = third === undefined ? undefined : ITEM_PARTS[String(third)];
    return part === undefined ? item : `${item} ${part}`;
  }
  return top;
}
