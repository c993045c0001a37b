import type { PublicationView } from "@offerkit/sdk";
import { describe, expect, it } from "vitest";
import { publicationStatus } from "./publication-status";

const base: PublicationView = { state: "published", attempt: 1, marketplaceOfferId: null, buyerUrl: null, error: null, agreement: null, updatedAt: "2027-01-01T00:00:00.000Z" };

describe("publicationStatus", () => {
  it("never says published for the local publisher, which publishes nowhere", () => {
    const status = publicationStatus({ status: "sent", publication: base });
    expect(status.kind).toBe("local");
    expect(status.title).toBe("Recorded locally, not published to a marketplace");
    expect(`${status.title} ${status.detail ?? ""}`).not.toMatch(/\bpublished as\b|Marketplace: published/);
  });

  it("gives the marketplace's states with the attempt after the first", () => {
    expect(publicationStatus({ status: "sent", publication: { ...base, state: "publishing", marketplaceOfferId: null } }).title).toBe("Publishing to AWS Marketplace");
    expect(publicationStatus({ status: "sent", publication: { ...base, state: "publishing", attempt: 2 } }).title).toBe("Publishing to AWS Marketplace (attempt 2)");
    expect(publicationStatus({ status: "accepted", publication: { ...base, marketplaceOfferId: "offer-1234567890abc" } }).title).toBe("Published on AWS Marketplace as offer-1234567890abc");
    const failed = publicationStatus({ status: "sent", publication: { ...base, state: "failed", attempt: 3, error: { message: "refused", details: [] } } });
    expect(failed).toMatchObject({ kind: "failed", title: "AWS Marketplace refused it (attempt 3)" });
  });

  it("says a draft is not sent, whatever its publication", () => {
    expect(publicationStatus({ status: "draft", publication: { ...base, state: "not_published" } }).title).toBe("Not sent yet");
  });
});
