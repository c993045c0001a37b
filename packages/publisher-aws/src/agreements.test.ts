import { setupServer } from "msw/node";
import { PublisherError } from "@offerkit/core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { wireAgreement } from "./agreement-api.fake";
import { AWS_AGREEMENT_STATUSES, toAgreementStatus } from "./agreement-status";
import { BUCKET, FakeAws, REGION } from "./aws-marketplace.fake";
import { createAwsPublisher } from "./aws-publisher";

const credentials = { accessKeyId: "AKIATESTTESTTESTTEST", secretAccessKey: "test-secret-key-not-real" };
const OFFER = "offer-mkt1111111111";
const server = setupServer();

const filters = [
  { name: "PartyType", values: ["Proposer"] },
  { name: "AgreementType", values: ["PurchaseAgreement"] },
  { name: "OfferId", values: [OFFER] },
];

describe("listing an offer's agreements on AWS Marketplace", () => {
  let fake: FakeAws;
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  beforeEach(() => {
    fake = new FakeAws();
    server.resetHandlers(...fake.handlers());
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const publisher = (maxAttempts = 3) => createAwsPublisher({ region: REGION, eulaBucket: BUCKET, maxAttempts }, { credentials });
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

  it("answers none while nobody accepted, asking as the proposer for purchase agreements on the offer", async () => {
    expect(await publisher().listAgreements(OFFER)).toEqual([]);
    expect(fake.agreementApi.searches).toEqual([{ catalog: "AWSMarketplace", filters, maxResults: 50 }]);
  });

  it("follows nextToken through every page and answers each agreement once, with its dates and status", async () => {
    fake.agreementApi.pageSize = 1;
    fake.agreementApi.agreements = [
      wireAgreement({ id: "agmt-aaaaaaaaaaaaaaaaaaaaaaaaa", offerId: OFFER, account: "012345678901", acceptedAt: "2027-03-05T10:00:00Z", endsAt: "2030-03-05T10:00:00Z" }),
      wireAgreement({ id: "agmt-other00000000000000000000", offerId: "offer-mkt9999999999", account: "999999999999", acceptedAt: "2027-03-05T10:00:00Z", endsAt: null }),
      wireAgreement({
        id: "agmt-bbbbbbbbbbbbbbbbbbbbbbbbb",
        offerId: OFFER,
        account: "210987654321",
        acceptedAt: "2027-03-06T11:30:00.250Z",
        startsAt: "2027-04-01T00:00:00Z",
        endsAt: "2030-04-01T00:00:00Z",
        status: "CANCELLED",
      }),
    ];
    const agreements = await publisher().listAgreements(OFFER);
    expect(agreements.sort(byId)).toEqual([
      {
        id: "agmt-aaaaaaaaaaaaaaaaaaaaaaaaa",
        buyerAccount: "012345678901",
        status: "active",
        acceptedAt: new Date("2027-03-05T10:00:00Z"),
        startsAt: new Date("2027-03-05T10:00:00Z"),
        endsAt: new Date("2030-03-05T10:00:00Z"),
      },
      {
        id: "agmt-bbbbbbbbbbbbbbbbbbbbbbbbb",
        buyerAccount: "210987654321",
        status: "cancelled",
        acceptedAt: new Date("2027-03-06T11:30:00.250Z"),
        startsAt: new Date("2027-04-01T00:00:00Z"),
        endsAt: new Date("2030-04-01T00:00:00Z"),
      },
    ]);
    expect(fake.agreementApi.searches).toHaveLength(2);
    expect(fake.agreementApi.searches[0]).toEqual({ catalog: "AWSMarketplace", filters, maxResults: 50 });
    expect(fake.agreementApi.searches[1]).toEqual({ catalog: "AWSMarketplace", filters, maxResults: 50, nextToken: expect.stringMatching(/^[a-zA-Z0-9+/=]+$/) });
    expect(fake.agreementApi.describes).toEqual([]);
  });

  it("asks DescribeAgreement only for a summary that lacks the buyer's account, and reads a missing end as none", async () => {
    const { acceptor, ...withoutAcceptor } = wireAgreement({ id: "agmt-ccccccccccccccccccccccccc", offerId: OFFER, account: "012345678901", acceptedAt: "2027-03-05T10:00:00Z", endsAt: null });
    fake.agreementApi.agreements = [
      withoutAcceptor,
      wireAgreement({ id: "agmt-ddddddddddddddddddddddddd", offerId: OFFER, account: "210987654321", acceptedAt: "2027-03-05T12:00:00Z", endsAt: null }),
    ];
    fake.agreementApi.details.set("agmt-ccccccccccccccccccccccccc", { ...(acceptor ? { acceptor } : {}) });
    const agreements = (await publisher().listAgreements(OFFER)).sort(byId);
    expect(fake.agreementApi.describes).toEqual(["agmt-ccccccccccccccccccccccccc"]);
    expect(agreements.map(({ id, buyerAccount, endsAt }) => ({ id, buyerAccount, endsAt }))).toEqual([
      { id: "agmt-ccccccccccccccccccccccccc", buyerAccount: "012345678901", endsAt: null },
      { id: "agmt-ddddddddddddddddddddddddd", buyerAccount: "210987654321", endsAt: null },
    ]);
  });

  it("lets an agreement's current view stand for it over an old revision listed beside it", async () => {
    const agreement = { id: "agmt-eeeeeeeeeeeeeeeeeeeeeeeee", offerId: OFFER, account: "012345678901", acceptedAt: "2027-03-05T10:00:00Z", endsAt: null };
    fake.agreementApi.agreements = [wireAgreement({ ...agreement, status: "SUPERSEDED" }), wireAgreement({ ...agreement, status: "EXPIRED" })];
    expect((await publisher().listAgreements(OFFER)).map((found) => found.status)).toEqual(["ended"]);
  });

  it("refuses a status AWS does not document rather than guessing what it means", async () => {
    fake.agreementApi.agreements = [
      wireAgreement({ id: "agmt-fffffffffffffffffffffffff", offerId: OFFER, account: "012345678901", acceptedAt: "2027-03-05T10:00:00Z", endsAt: null, status: "PAUSED" }),
    ];
    await expect(publisher().listAgreements(OFFER)).rejects.toBeInstanceOf(PublisherError);
  });

  it("reports throttling that outlasts the SDK's retries as retryable, and a refusal as not", async () => {
    fake.agreementApi.failures.push({ status: 400, type: "ThrottlingException", message: "Rate exceeded" });
    await expect(publisher(1).listAgreements(OFFER)).rejects.toMatchObject({ retryable: true, details: [{ code: "ThrottlingException", message: "Rate exceeded" }] });
    fake.agreementApi.failures.push({ status: 400, type: "AccessDeniedException", message: "User is not authorized" });
    await expect(publisher(1).listAgreements(OFFER)).rejects.toMatchObject({ retryable: false, details: [{ code: "AccessDeniedException", message: "User is not authorized" }] });
  });

  it("maps every documented AWS status", () => {
    expect(Object.fromEntries(AWS_AGREEMENT_STATUSES.map((status) => [status, toAgreementStatus(status)]))).toEqual({
      ACTIVE: "active",
      ARCHIVED: "ended",
      CANCELLED: "cancelled",
      EXPIRED: "ended",
      RENEWED: "ended",
      REPLACED: "ended",
      ROLLED_BACK: "active",
      SUPERSEDED: "active",
      TERMINATED: "cancelled",
    });
  });
});
