import { offerIdSchema } from "@offerkit/core";
import { Router } from "express";

/**
 * The buyer URL a sales rep e-mails. It shows no terms (the link alone proves nothing about
 * who opens it); it tells the buyer how to see and accept the offer with their credentials.
 */
export function buyerLanding(): Router {
  const routes = Router();
  routes.get("/offers/:offerId", (req, res) => {
    const offerId = offerIdSchema.safeParse(req.params.offerId);
    if (!offerId.success) {
      res.status(404).type("text/plain").send("No such offer.\n");
      return;
    }
    res
      .status(200)
      .type("html")
      .set({ "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", "X-Content-Type-Options": "nosniff" })
      .send(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Private offer</title>` +
          `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
          `<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem">` +
          `<h1>You have a private offer</h1><p>Offer <code>${offerId.data}</code> was made for your account.</p>` +
          `<p>Sign in with your buyer credentials to read its terms, download the EULA and accept it ` +
          `before its deadline (API: <code>buyer.offers.get</code>, <code>buyer.offers.accept</code>).</p>` +
          `</body></html>`,
      );
  });
  return routes;
}
