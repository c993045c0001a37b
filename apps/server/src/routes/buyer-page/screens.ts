import { html, type SafeHtml } from "./html";

/** A page that only says something: a link that no longer works, an offer that is not there. */
export function messageScreen(heading: string, ...paragraphs: string[]): SafeHtml {
  return html`<h1>${heading}</h1>${paragraphs.map((text) => html`<p>${text}</p>`)}`;
}

/** Not signed in: the invitation link is the usual way in; a buyer token is the other. */
export function signInScreen(offerId: string, error?: string): SafeHtml {
  return html`<h1>You have a private offer</h1>
<p>This offer is private to the buyer accounts it was made for. Open the invitation link the seller e-mailed you,
or sign in with a buyer token for your AWS account.</p>
${error ? html`<p class="note error" role="alert" id="token-error">${error}</p>` : null}
<form method="post" action="/offers/${offerId}/sign-in" class="sign-in">
  <label for="token">Buyer token</label>
  <input id="token" name="token" type="password" autocomplete="off" required maxlength="200"${error ? html` aria-describedby="token-error" aria-invalid="true"` : null}>
  <button type="submit">Sign in</button>
</form>`;
}

/** Signed in as an account the offer was not made for: say so, and how to switch. */
export function notYoursScreen(account: string, csrf: string): SafeHtml {
  return html`<h1>This offer is not for your account</h1>
<p>You are signed in as AWS account <span class="account">${account}</span>, and this offer was not made for it.
If it was sent to another of your accounts, sign out and open its own invitation link.</p>
<form method="post" action="/buyer-page/sign-out">
  <input type="hidden" name="csrf" value="${csrf}">
  <button type="submit">Sign out</button>
</form>`;
}
