import { endOfUtcDay, formatUsd, type BuyerOfferView } from "@offerkit/core";
import { agreementLength, formatDay, timeLeft } from "./buyer-dates";
import { html, type SafeHtml } from "./html";
import { priceLines } from "./price-lines";

export interface OfferScreen {
  offer: BuyerOfferView;
  account: string;
  csrf: string;
  now: Date;
  /** A refusal to show above the terms, e.g. an acceptance that came too late. */
  notice?: string;
}

function deadlineLine(offer: BuyerOfferView, now: Date): SafeHtml {
  const last = new Date(endOfUtcDay(offer.acceptanceDeadline).getTime() - 1000).toISOString().replace(".000Z", "Z");
  return html`Accept by <time datetime="${last}" data-local>23:59:59 UTC on ${formatDay(offer.acceptanceDeadline)}</time>
    (${timeLeft(offer.acceptanceDeadline, now)})`;
}

function statusNote(offer: BuyerOfferView, now: Date): SafeHtml {
  if (offer.acceptance) {
    const { id, startsAt, endsAt } = offer.acceptance;
    return html`<section class="note accepted" aria-labelledby="accepted-heading">
  <h2 id="accepted-heading">You accepted this offer</h2>
  <p>Agreement <code>${id}</code> runs from ${formatDay(new Date(startsAt))} to ${formatDay(new Date(endsAt))} (UTC).</p>
</section>`;
  }
  if (offer.status === "expired") {
    return html`<section class="note expired" aria-labelledby="expired-heading">
  <h2 id="expired-heading">This offer has expired</h2>
  <p>It could be accepted until 23:59:59 UTC on ${formatDay(offer.acceptanceDeadline)}. Ask ${offer.seller} for a new offer.</p>
</section>`;
  }
  return html`<p class="deadline">${deadlineLine(offer, now)}</p>`;
}

function installments(offer: BuyerOfferView): SafeHtml | null {
  if (!offer.installments) return null;
  return html`<h2>Payment schedule</h2>
<table>
  <thead><tr><th scope="col">Invoiced on (00:00 UTC)</th><th scope="col" class="amount">Amount</th></tr></thead>
  <tbody>${offer.installments.map((installment) => html`<tr><td>${formatDay(installment.chargeDate)}</td><td class="amount">${formatUsd(installment.amount)}</td></tr>`)}</tbody>
  <tfoot><tr><th scope="row">Total</th><td class="amount">${formatUsd(offer.installmentsTotal ?? "0")}</td></tr></tfoot>
</table>`;
}

function acceptForm({ offer, account, csrf }: OfferScreen): SafeHtml | null {
  if (offer.acceptance || offer.status !== "sent") return null;
  const length = agreementLength(offer.agreement);
  return html`<form method="post" action="/offers/${offer.id}/accept" class="accept">
  <h2>Accept the offer</h2>
  <input type="hidden" name="csrf" value="${csrf}">
  <p>Accepting starts an agreement between AWS account <span class="account">${account}</span> and ${offer.seller} for
  ${offer.product.title}, at the prices above, ${length}, under the EULA${offer.installments ? ", with the payment schedule above" : ""}. It cannot be undone here.</p>
  <label class="confirm"><input type="checkbox" name="confirm" value="yes" required> <span>I accept this offer for account <span class="account">${account}</span></span></label>
  <button type="submit">Accept the offer</button>
</form>`;
}

/** The offer as its buyer needs it: what, how much, for how long, until when, under which terms. */
export function offerScreen(screen: OfferScreen): SafeHtml {
  const { offer, account, csrf, now, notice } = screen;
  return html`<header>
  <p class="from">Private offer from ${offer.seller}</p>
  <h1>${offer.name}</h1>
  <p class="product">${offer.product.title} <span class="asin">(${offer.product.asin})</span></p>
</header>
${notice ? html`<p class="note error" role="alert">${notice}</p>` : null}
${statusNote(offer, now)}
<h2>Prices</h2>
<table>
  <thead><tr><th scope="col">Dimension</th><th scope="col" class="amount">Price</th></tr></thead>
  <tbody>${priceLines(offer.pricing).map((line) => html`<tr><td><code>${line.what}</code></td><td class="amount">${line.price}</td></tr>`)}</tbody>
</table>
${installments(offer)}
<h2>Agreement</h2>
<p>${agreementLength(offer.agreement)}.</p>
<h2>Refund policy</h2>
<p class="policy">${offer.refundPolicy ?? "No refund policy: this offer charges nothing."}</p>
<h2>End user license agreement</h2>
<p>${offer.eula.fileName}, ${offer.eula.pageCount} ${offer.eula.pageCount === 1 ? "page" : "pages"}. Your copy names this offer and your account on every page.</p>
<p class="actions"><a href="/offers/${offer.id}/eula?view=1">Read the EULA</a> <a href="/offers/${offer.id}/eula">Download it</a></p>
${acceptForm(screen)}
<form method="post" action="/buyer-page/sign-out" class="sign-out">
  <input type="hidden" name="csrf" value="${csrf}">
  <p>Signed in as AWS account <span class="account">${account}</span>. <button type="submit" class="link">Sign out</button></p>
</form>`;
}
