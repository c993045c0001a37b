import { act } from "react";
import { afterEach, describe, expect, inject, it, vi } from "vitest";
import { MarketplaceButton, MarketplaceLink, PrivateOfferBanner, SupportContactForm } from "../src/react/index";
import { render, waitFor } from "./render";

const apiUrl = inject("apiUrl");
const scenario = inject("scenario");

afterEach(() => vi.restoreAllMocks());

describe("<MarketplaceLink> and <MarketplaceButton>", () => {
  it("render a deep link with the anchor's own attributes", async () => {
    const page = await render(
      <MarketplaceLink asin="B00635Y2IW" refTag="ads_q3" trackingBaseUrl="https://links.acme.example" className="cta" target="_blank">
        See it
      </MarketplaceLink>,
    );
    const anchor = page.querySelector("a");
    expect(anchor?.getAttribute("href")).toBe("https://links.acme.example/pp/B00635Y2IW/ref=ads_q3");
    expect(anchor?.getAttribute("rel")).toBe("noopener");
    expect(anchor?.className).toBe("cta");
    expect(anchor?.textContent).toBe("See it");
  });

  it("render a themable button that names the marketplace in words", async () => {
    const page = await render(<MarketplaceButton asin="B00635Y2IW" />);
    const anchor = page.querySelector("a.offerkit-button");
    expect(anchor?.textContent).toBe("View on AWS Marketplace");
    expect(anchor?.getAttribute("style")).toContain("var(--offerkit-button-bg");
    expect(anchor?.querySelector("img, svg")).toBeNull();
  });

  it("render nothing for invalid props, and warn", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const page = await render(
      <>
        <MarketplaceLink asin="B00635Y2IW" refTag={'"><script>alert(1)</script>'}>x</MarketplaceLink>
        <MarketplaceButton asin="not an asin" />
        <MarketplaceLink asin="B00635Y2IW" trackingBaseUrl="javascript:alert(1)">y</MarketplaceLink>
      </>,
    );
    expect(page.innerHTML).toBe("");
    expect(warn).toHaveBeenCalledTimes(3);
  });
});

describe("<PrivateOfferBanner>", () => {
  it("appears for the targeted account with a link to the offer", async () => {
    const page = await render(<PrivateOfferBanner asin="B00635Y2IW" apiUrl={apiUrl} buyerToken={scenario.targetedToken} />);
    await waitFor(() => expect(page.querySelector("[role=status]")).not.toBeNull());
    expect(page.textContent).toContain("You have a private offer for this product.");
    expect(page.querySelector("a")?.getAttribute("href")).toBe(scenario.buyerUrl);
  });

  it("stays away for another account and reports a bad token", async () => {
    const onError = vi.fn();
    const other = await render(<PrivateOfferBanner asin="B00635Y2IW" apiUrl={apiUrl} buyerToken={scenario.otherToken} />);
    const refused = await render(<PrivateOfferBanner asin="B00635Y2IW" apiUrl={apiUrl} buyerToken="wrong" onError={onError} />);
    await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: "UNAUTHORIZED" })));
    expect(other.innerHTML).toBe("");
    expect(refused.innerHTML).toBe("");
  });
});

describe("<SupportContactForm>", () => {
  const field = (page: HTMLElement, name: string) => {
    const input = page.querySelector(`[name=${name}]`);
    if (!(input instanceof HTMLInputElement)) throw new Error(`no field ${name}`);
    return input;
  };

  /** Types as a person does: React reads the native value setter's change. */
  async function type(input: HTMLInputElement, value: string) {
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
      setter?.call(input, value);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
  }

  async function fill(page: HTMLElement, values: Record<string, string>) {
    for (const [name, value] of Object.entries(values)) await type(field(page, name), value);
  }

  const submit = (page: HTMLElement) => act(async () => page.querySelector<HTMLButtonElement>("button[type=submit]")?.click());
  const errorOf = (page: HTMLElement, name: string) => {
    const describedBy = field(page, name).getAttribute("aria-describedby");
    return describedBy ? page.querySelector(`[id="${describedBy}"]`)?.textContent : undefined;
  };
  const valid = { givenName: "Ada", surname: "Lovelace", organization: "Acme", email: "ada@acme.example", phone: "+1 206 555 0100" };

  it("labels every field", async () => {
    const page = await render(<SupportContactForm apiUrl={apiUrl} buyerToken={scenario.targetedToken} subscriptionId={scenario.subscriptionId} />);
    for (const input of page.querySelectorAll("input")) {
      expect(page.querySelector(`label[for="${input.id}"]`)?.textContent, input.name).toBeTruthy();
    }
  });

  it("sends nothing without consent or required fields, and says which", async () => {
    const sent = vi.spyOn(globalThis, "fetch");
    const page = await render(<SupportContactForm apiUrl={apiUrl} buyerToken={scenario.targetedToken} subscriptionId={scenario.subscriptionId} />);
    await fill(page, { givenName: "Ada" });
    await submit(page);
    expect(errorOf(page, "surname")).toBe("Surname is required");
    expect(errorOf(page, "phone")).toBe("Phone is required");
    expect(errorOf(page, "consent")).toContain("agree");
    expect(field(page, "surname").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(field(page, "surname"));
    await fill(page, valid);
    await submit(page);
    expect(errorOf(page, "consent")).toContain("agree");
    expect(sent).not.toHaveBeenCalled();
  });

  it("puts the server's field errors next to their fields", async () => {
    const page = await render(<SupportContactForm apiUrl={apiUrl} buyerToken={scenario.targetedToken} subscriptionId={scenario.subscriptionId} />);
    await fill(page, { ...valid, email: "ada-at-acme", phone: "call 206 555 0100", countryCode: "usa" });
    await act(async () => field(page, "consent").click());
    await submit(page);
    await waitFor(() => expect(errorOf(page, "email")).toBe("An e-mail address looks like name@example.com"));
    expect(errorOf(page, "phone")).toBe("A phone number holds only digits, spaces and + - ( ) .");
    expect(errorOf(page, "countryCode")).toContain("two capital letters");
    expect(page.querySelector("[role=alert]")).toBeNull();
    expect(document.activeElement).toBe(field(page, "email"));
  });

  it("shares the contact with consent and says so, the phone as the buyer writes it", async () => {
    const onShared = vi.fn();
    const page = await render(
      <SupportContactForm apiUrl={apiUrl} buyerToken={scenario.targetedToken} subscriptionId={scenario.subscriptionId} onShared={onShared} />,
    );
    await fill(page, { ...valid, title: "CTO", phone: "206 555 0100", countryCode: "US" });
    await act(async () => field(page, "consent").click());
    await submit(page);
    await waitFor(() => expect(page.querySelector("[role=status]")?.textContent).toContain("shared"));
    expect(onShared).toHaveBeenCalledWith({ id: expect.stringMatching(/^contact-/), subscriptionId: scenario.subscriptionId });
    expect(field(page, "givenName").value).toBe("");
    expect(field(page, "consent").checked).toBe(false);
  });

  it("says above the button what belongs to no field", async () => {
    const page = await render(<SupportContactForm apiUrl={apiUrl} buyerToken={scenario.otherToken} subscriptionId={scenario.subscriptionId} />);
    await fill(page, valid);
    await act(async () => field(page, "consent").click());
    await submit(page);
    await waitFor(() => expect(page.querySelector("[role=alert]")?.textContent).toContain(scenario.subscriptionId));
  });
});
