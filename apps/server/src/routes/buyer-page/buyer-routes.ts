import { OfferkitError, offerIdSchema } from "@offerkit/core";
import {
  acceptOffer,
  buyerDestination,
  buyerOfSession,
  getBuyerOffer,
  readBuyerEula,
  redeemInvitation,
  signInWithBuyerToken,
  signOutBuyer,
  type ApiDeps,
  type BuyerPrincipal,
} from "@offerkit/api";
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { requestAddress } from "../../client-address";
import type { RateLimiter } from "../../limits/rate-limiter";
import { visitorIdOf } from "../../tracking/visitor-cookie";
import { sendPdf } from "../eula-downloads";
import { BUYER_CSS, BUYER_JS } from "./assets";
import { buyerPage, type SafeHtml } from "./html";
import { clearedSessionCookie, csrfTokenOf, isCsrfToken, sessionCookie, sessionSecretOf } from "./buyer-session-cookie";
import { offerScreen } from "./offer-html";
import { messageScreen, notYoursScreen, signInScreen } from "./screens";

/**
 * Nothing but this server's own stylesheet and script; forms post only here; never framed. No
 * Referer leaves for another site; within this one it is kept, because with none at all a
 * browser sends `Origin: null` on a form post and the same-origin check could not tell.
 */
const PAGE_HEADERS = {
  "Content-Security-Policy": "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "Referrer-Policy": "same-origin",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
};

function show(res: Response, status: number, title: string, body: SafeHtml): void {
  res.status(status).type("html").set(PAGE_HEADERS).send(buyerPage(title, body));
}

export interface BuyerPageOptions {
  /** Limits invitation links, sign-ins and accepts per address; none without it. */
  limiter?: RateLimiter;
  trustedProxies: number;
}

/**
 * The buyer's side in a browser: `/i/<token>` opens an invitation once and signs the browser in
 * as its account (the token leaves the address bar at once, by a redirect); `/offers/<id>` shows
 * the offer, its stamped EULA and an accept form behind a confirmation. On a live marketplace the
 * buyer URL leads to the marketplace's own offer page instead.
 */
export function buyerPageRoutes(deps: ApiDeps, options: BuyerPageOptions): Router {
  const routes = Router();
  const secure = () => deps.config.publicUrl.startsWith("https:");
  const form = express.urlencoded({ extended: false, limit: "4kb", parameterLimit: 10 });

  const limited = (req: Request, res: Response, next: NextFunction) => {
    const wait = options.limiter?.take(`buyer-page:${requestAddress(req, options.trustedProxies)}`) ?? 0;
    if (wait === 0) return next();
    res.set("Retry-After", String(wait));
    show(res, 429, "Too many requests", messageScreen("Too many requests", `Please wait ${wait} seconds and try again.`));
  };
  // A form posted from another site is refused even before its CSRF token is read.
  const sameOrigin = (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    const own = [new URL(deps.config.publicUrl).origin, `${req.protocol}://${req.headers.host ?? ""}`];
    if (origin === undefined || own.includes(origin)) return next();
    show(res, 403, "Refused", messageScreen("Refused", "This form was sent from another site."));
  };
  const session = async (req: Request): Promise<{ buyer: BuyerPrincipal; secret: string } | null> => {
    const secret = sessionSecretOf(req.headers.cookie);
    const buyer = await buyerOfSession(deps, secret);
    return buyer && secret ? { buyer, secret } : null;
  };
  const offerIdOf = (req: Request): string | null => {
    const parsed = offerIdSchema.safeParse(req.params.offerId);
    return parsed.success ? parsed.data : null;
  };
  const noOffer = (res: Response) => show(res, 404, "No such offer", messageScreen("No such offer", "Check the link the seller sent you."));

  routes.get("/buyer-page/buyer.css", (_req, res) => res.type("text/css").set("Cache-Control", "public, max-age=3600").send(BUYER_CSS));
  routes.get("/buyer-page/buyer.js", (_req, res) => res.type("text/javascript").set("Cache-Control", "public, max-age=3600").send(BUYER_JS));

  routes.get("/i/:token", limited, async (req, res) => {
    const redeemed = await redeemInvitation(deps, String(req.params.token));
    if (!redeemed) {
      show(res, 410, "Link no longer valid", messageScreen("This link no longer works", "An invitation link works once, for a limited time. Ask the seller for a new one."));
      return;
    }
    // The token's URL is never a Referer, not even to this site.
    res
      .set("Set-Cookie", sessionCookie(redeemed.session.secret, redeemed.session.expiresAt, secure()))
      .set({ ...PAGE_HEADERS, "Referrer-Policy": "no-referrer" })
      .redirect(303, `/offers/${redeemed.offerId}`);
  });

  routes.get("/offers/:offerId", async (req, res) => {
    const offerId = offerIdOf(req);
    if (offerId === null) return noOffer(res);
    const destination = await buyerDestination(deps, offerId);
    if (destination.kind === "marketplace") return res.set(PAGE_HEADERS).redirect(302, destination.url);
    if (destination.kind === "publishing") {
      return show(res, 200, "Being published", messageScreen("Your offer is being published", "The marketplace takes up to about 45 minutes to publish an offer. Open this link again later: it will take you to the offer on AWS Marketplace."));
    }
    if (destination.kind === "unpublished") {
      return show(res, 200, "Not available yet", messageScreen("This offer is not on the marketplace yet", "The seller has been told; open this link again later."));
    }
    const signedIn = await session(req);
    if (!signedIn) return show(res, 200, "Private offer", signInScreen(offerId));
    await showOffer(res, signedIn, offerId);
  });

  async function showOffer(res: Response, { buyer, secret }: { buyer: BuyerPrincipal; secret: string }, offerId: string, notice?: string, status = 200) {
    try {
      const offer = await getBuyerOffer(deps, buyer, offerId);
      show(res, status, offer.name, offerScreen({ offer, account: buyer.account, csrf: csrfTokenOf(secret), now: deps.clock.now(), ...(notice ? { notice } : {}) }));
    } catch (error) {
      if (!(error instanceof OfferkitError) || error.code !== "NOT_FOUND") throw error;
      show(res, 404, "Not your offer", notYoursScreen(buyer.account, csrfTokenOf(secret)));
    }
  }

  routes.post("/offers/:offerId/sign-in", limited, sameOrigin, form, async (req, res) => {
    const offerId = offerIdOf(req);
    if (offerId === null) return noOffer(res);
    const body: unknown = req.body;
    const token = typeof body === "object" && body !== null && "token" in body && typeof body.token === "string" ? body.token : "";
    const started = token ? await signInWithBuyerToken(deps, token) : null;
    if (!started) return show(res, 401, "Private offer", signInScreen(offerId, "That buyer token is not valid. Check it, or open the seller's invitation link."));
    res.set("Set-Cookie", sessionCookie(started.secret, started.expiresAt, secure())).redirect(303, `/offers/${offerId}`);
  });

  routes.post("/offers/:offerId/accept", limited, sameOrigin, form, async (req, res) => {
    const offerId = offerIdOf(req);
    if (offerId === null) return noOffer(res);
    const signedIn = await session(req);
    const fields = req.body as Record<string, unknown>;
    if (!signedIn || !isCsrfToken(signedIn.secret, fields.csrf)) {
      return show(res, 403, "Refused", messageScreen("Please sign in again", "Your session ended, or this form was not sent from the offer's page."));
    }
    if (fields.confirm !== "yes") return showOffer(res, signedIn, offerId, "Tick the box to confirm that you accept the offer.", 400);
    try {
      await acceptOffer(deps, signedIn.buyer, { offerId }, visitorIdOf(req.headers.cookie));
    } catch (error) {
      if (error instanceof OfferkitError && error.code === "OFFER_EXPIRED") return showOffer(res, signedIn, offerId, error.message, 409);
      if (error instanceof OfferkitError && error.code === "NOT_FOUND") return showOffer(res, signedIn, offerId);
      throw error;
    }
    res.redirect(303, `/offers/${offerId}`);
  });

  routes.post("/buyer-page/sign-out", sameOrigin, form, async (req, res) => {
    const secret = sessionSecretOf(req.headers.cookie);
    const fields = req.body as Record<string, unknown>;
    if (secret && isCsrfToken(secret, fields.csrf)) await signOutBuyer(deps, secret);
    res.set("Set-Cookie", clearedSessionCookie(secure()));
    show(res, 200, "Signed out", messageScreen("You are signed out", "Open an invitation link, or your offer's link, to sign in again."));
  });

  routes.get("/offers/:offerId/eula", async (req, res) => {
    const offerId = offerIdOf(req);
    const signedIn = await session(req);
    if (offerId === null) return noOffer(res);
    if (!signedIn) return show(res, 401, "Private offer", signInScreen(offerId));
    // No Referer leaves a PDF viewer for another site either.
    res.set("Referrer-Policy", "no-referrer");
    await sendPdf(req, res, await readBuyerEula(deps, signedIn.buyer, offerId));
  });
  return routes;
}
