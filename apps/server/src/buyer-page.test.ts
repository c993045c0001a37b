import { makePdf } from "@offerkit/eula/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./observability/logger";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const BUYER = "012345678901";
const OTHER = "999988887777";

function pdfForm(bytes: Uint8Array) {
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: "application/pdf" }), "acme-eula.pdf");
  return form;
}

const cookieOf = (response: Response) => (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
const csrfOf = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)?.[1] ?? "";

describe("the buyer page over real HTTP", () => {
  const lines: string[] = [];
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let offerId = "";
  beforeAll(async () => {
    server = await startTestServer({}, { logger: createLogger("info", { write: (line: string) => void lines.push(line) }) });
    const seller = server.client(BOOTSTRAP_KEY);
    const product = (await seller.products.list.query({ limit: 100 })).items.find((p) => p.asin === "B00635Y2IW");
    if (!product) throw new Error("The demo contract product is missing");
    const eula = await seller.eula.upload.mutate(pdfForm(await makePdf(2, { text: "Acme EULA" })));
    const draft = await seller.offers.create.mutate({
      productId: product.id,
      name: "Acme, three years",
      description: "Signed off by the VP of sales",
      buyerAccounts: [BUYER, OTHER],
      pricing: { model: "saas_contract", contract: { seats: "0", storage_tb: "0" }, quantities: { seats: 250, storage_tb: 4 } },
      installments: [
        { chargeDate: "2027-03-20", amount: "30000" },
        { chargeDate: "2027-09-20", amount: "30000.5" },
      ],
      eulaSha256: eula.sha256,
      agreement: { kind: "duration", duration: "P36M" },
      acceptanceDeadline: "2027-03-31",
      refundPolicy: "Ask refunds@acme.example within 30 days.",
    });
    offerId = (await seller.offers.send.mutate({ offerId: draft.id })).id;
  });
  afterAll(async () => server.stop());

  const invite = (account = BUYER) => server.client(BOOTSTRAP_KEY).offers.inviteBuyer.mutate({ offerId, account });
  const open = (path: string, cookie = "") => fetch(`${server.url}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  const post = (path: string, cookie: string, fields: Record<string, string>, origin = server.url) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });

  it("signs the invited account in once, by a link whose token leaves the address bar, the log and every Referer", async () => {
    const { url, expiresAt } = await invite();
    expect(url).toMatch(/\/i\/obi_[0-9A-Za-z]{40}$/);
    // A week from now (2027-03-01T12:00Z), which comes before the deadline ends.
    expect(expiresAt).toBe("2027-03-08T12:00:00.000Z");
    const path = new URL(url).pathname;
    const opened = await open(path);
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe(`/offers/${offerId}`);
    expect(opened.headers.get("referrer-policy")).toBe("no-referrer");
    expect(opened.headers.get("set-cookie")).toMatch(/^ok_buyer=obs_\w+; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/);

    const again = await open(path);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain("This link no longer works");
    const token = path.slice(3);
    expect(lines.join("\n")).not.toContain(token);
    expect(lines.some((line) => line.includes('"path":"/i/:token"'))).toBe(true);
  });

  it("shows the terms as a buyer needs them, then accepts only behind the confirmation", async () => {
    server.clock.set("2027-03-05T10:00:00.000Z");
    const cookie = cookieOf(await open(new URL((await invite()).url).pathname));
    const page = await (await open(`/offers/${offerId}`, cookie)).text();
    for (const text of ["Acme, three years", "250 units for the term", "30,000.00 USD", "30,000.50 USD", "60,000.50 USD", "36 months from the day you accept", "23:59:59 UTC on 31 March 2027", "Ask refunds@acme.example", "Read the EULA", "I accept this offer for account"]) {
      expect(page).toContain(text);
    }
    expect(page).not.toContain("Signed off by the VP of sales");

    const unconfirmed = await post(`/offers/${offerId}/accept`, cookie, { csrf: csrfOf(page) });
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Tick the box");
    expect((await post(`/offers/${offerId}/accept`, cookie, { csrf: "forged", confirm: "yes" })).status).toBe(403);
    expect((await post(`/offers/${offerId}/accept`, cookie, { csrf: csrfOf(page), confirm: "yes" }, "https://evil.example")).status).toBe(403);
    expect((await server.client(BOOTSTRAP_KEY).offers.get.query({ offerId })).status).toBe("sent");

    const accepted = await post(`/offers/${offerId}/accept`, cookie, { csrf: csrfOf(page), confirm: "yes" });
    expect(accepted.status).toBe(303);
    const after = await (await open(`/offers/${offerId}`, cookie)).text();
    expect(after).toContain("You accepted this offer");
    expect(after).toContain("5 March 2027 to 5 March 2030");
    expect(after).not.toContain("I accept this offer for account");
  });

  it("serves the EULA to the signed-in buyer only", async () => {
    const cookie = cookieOf(await open(new URL((await invite()).url).pathname));
    const download = await open(`/offers/${offerId}/eula`, cookie);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect((await open(`/offers/${offerId}/eula?view=1`, cookie)).headers.get("content-disposition")).toMatch(/^inline;/);
    expect((await open(`/offers/${offerId}/eula`)).status).toBe(401);
    // A session lasts 12 hours.
    server.clock.set("2027-03-05T22:30:00.000Z");
    expect((await open(`/offers/${offerId}/eula`, cookie)).status).toBe(401);
  });

  it("signs in with a buyer token, says plainly when an offer is not for the account, and signs out", async () => {
    const seller = server.client(BOOTSTRAP_KEY);
    const stranger = await seller.admin.buyerTokens.issue.mutate({ account: "555566667777" });
    const refused = await post(`/offers/${offerId}/sign-in`, "", { token: "obt_not-a-token" });
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain("That buyer token is not valid");
    const signedIn = await post(`/offers/${offerId}/sign-in`, "", { token: stranger.secret });
    expect(signedIn.status).toBe(303);
    const cookie = cookieOf(signedIn);
    const page = await open(`/offers/${offerId}`, cookie);
    expect(page.status).toBe(404);
    const text = await page.text();
    expect(text).toContain("This offer is not for your account");
    expect(text).not.toContain("Acme, three years");

    const out = await post("/buyer-page/sign-out", cookie, { csrf: csrfOf(text) });
    expect(out.headers.get("set-cookie")).toContain("Max-Age=0");
    expect(await (await open(`/offers/${offerId}`, cookie)).text()).toContain("Buyer token");
  });

  it("refuses invitations for accounts the offer was not made for, and after the deadline; an expired offer says so", async () => {
    const seller = server.client(BOOTSTRAP_KEY);
    await expect(seller.offers.inviteBuyer.mutate({ offerId, account: "555566667777" })).rejects.toThrow("not one of offer");
    const link = new URL((await invite(OTHER)).url).pathname;
    server.clock.set("2027-04-01T00:00:00.000Z");
    expect((await open(link)).status).toBe(410);
    await expect(invite(OTHER)).rejects.toThrow("can no longer be accepted");
    const signedIn = cookieOf(await post(`/offers/${offerId}/sign-in`, "", { token: (await seller.admin.buyerTokens.issue.mutate({ account: OTHER })).secret }));
    const page = await (await open(`/offers/${offerId}`, signedIn)).text();
    expect(page).toContain("This offer has expired");
    expect(page).not.toContain("Accept the offer");
  });

  it("answers with its own strict content security policy", async () => {
    const page = await open(`/offers/${offerId}`);
    expect(page.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect((await open("/buyer-page/buyer.css")).headers.get("content-type")).toContain("text/css");
  });
});
