import { setupServer } from "msw/node";
import { PublisherError, type OfferTerms, type PublishRequest } from "@offerkit/core";
import { z } from "zod";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAwsPublisher } from "./aws-publisher";
import { clientRequestToken } from "./client-request-token";
import { BUCKET, FakeAws, REGION } from "./aws-marketplace.fake";

const credentials = { accessKeyId: "AKIATESTTESTTESTTEST", secretAccessKey: "test-secret-key-not-real" };
const SHA = "c".repeat(64);
const PDF = new TextEncoder().encode("%PDF-1.7 a small EULA");

const terms: OfferTerms = {
  name: "Acme three-year deal",
  description: "Negotiated with Acme procurement",
  buyerAccounts: ["012345678901"],
  pricing: { model: "saas_contract", contract: { seats: "1200.125" } },
  eulaSha256: SHA,
  agreement: { kind: "duration", duration: "P36M" },
  acceptanceDeadline: "2027-03-31",
  refundPolicy: "Write to refunds@example.com within 30 days.",
};

function request(overrides: Partial<PublishRequest> = {}): PublishRequest {
  return {
    offerId: "offer-V1StGXR8_Z5jdHi6B-myT",
    attempt: 1,
    attemptStartedAt: new Date("2027-03-01T12:00:00.000Z"),
    product: { id: "prod-ours0000001", catalogProductId: "prod-abcdef123456", marketplaceProductId: "4e4f3b0a-1111-4222-8333-444455556666" },
    terms,
    eula: { sha256: SHA, bytes: PDF },
    ...overrides,
  };
}

const server = setupServer();

describe("the AWS publisher against AWS's HTTP endpoints", () => {
  let fake: FakeAws;
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  beforeEach(() => {
    fake = new FakeAws();
    server.resetHandlers(...fake.handlers());
  });
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const publisher = (maxAttempts = 3) => createAwsPublisher({ region: REGION, eulaBucket: BUCKET, maxAttempts }, { credentials });
  const presigning = (deps: Parameters<typeof createAwsPublisher>[1] = { credentials }) =>
    createAwsPublisher({ region: REGION, eulaBucket: BUCKET, maxAttempts: 1, eulaUrl: "presigned" }, deps);
  /** An offer the presigned URL outlives: its deadline ends within the URL's 7 days. */
  const nearDeadline = { ...terms, acceptanceDeadline: "2027-03-07" };

  it("uploads the EULA, then starts one change set holding the whole offer with the EULA's lasting URL", async () => {
    const { changeSetId } = await publisher().publish(request());
    expect(changeSetId).toBe("cs-1");

    expect(fake.uploads).toEqual([{ key: `offerkit/eulas/${SHA}.pdf`, contentType: "application/pdf", bytes: PDF }]);
    const [changeSet] = fake.changeSets;
    expect(changeSet?.body).toMatchObject({
      Catalog: "AWSMarketplace",
      ChangeSetName: "Offerkit offer-V1StGXR8_Z5jdHi6B-myT",
      ClientRequestToken: clientRequestToken("offer-V1StGXR8_Z5jdHi6B-myT", 1),
    });
    const changes = changeSet?.body.ChangeSet ?? [];
    expect(changes.map((change) => change.ChangeType)).toEqual([
      "CreateOffer",
      "UpdateInformation",
      "UpdateTargeting",
      "UpdatePricingTerms",
      "UpdateLegalTerms",
      "UpdateSupportTerms",
      "UpdateValidityTerms",
      "UpdateAvailability",
      "ReleaseOffer",
    ]);
    // On the wire each change carries DetailsDocument, an object; never Details, a JSON string.
    for (const change of changes) {
      expect(change).toHaveProperty("DetailsDocument");
      expect(change).not.toHaveProperty("Details");
    }
    expect(changes[3]).toEqual({
      ChangeType: "UpdatePricingTerms",
      Entity: { Type: "Offer@1.0", Identifier: "$CreateOfferChange.Entity.Identifier" },
      DetailsDocument: {
        PricingModel: "Contract",
        Terms: [
          {
            Type: "ConfigurableUpfrontPricingTerm",
            CurrencyCode: "USD",
            RateCards: [
              {
                Selector: { Type: "Duration", Value: "P36M" },
                RateCard: [{ DimensionKey: "seats", Price: "1200.125" }],
                Constraints: { MultipleDimensionSelection: "Allowed", QuantityConfiguration: "Allowed" },
              },
            ],
          },
        ],
      },
    });

    const legalTerms = z.object({ Terms: z.tuple([z.object({ Type: z.literal("LegalTerm"), Documents: z.tuple([z.object({ Type: z.string(), Url: z.string() })]) })]) });
    const document = legalTerms.parse(changes[4]?.DetailsDocument).Terms[0].Documents[0];
    expect(document.Type).toBe("CustomEula");
    expect(document.Url).toBe(`https://${BUCKET}.s3.${REGION}.amazonaws.com/offerkit/eulas/${SHA}.pdf`);
  });

  it("refuses to send an offer whose EULA the marketplace could not read, saying what to set up", async () => {
    fake.eulasPublic = false;
    const error = await publisher().publish(request()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: false, message: expect.stringContaining("allow s3:GetObject on the EULA prefix of bucket eulas-test") });
    expect(fake.startRequests).toEqual([]);
  });

  it("presigns the EULA URL when asked, for an offer whose deadline ends before the signature does", async () => {
    await presigning().publish(request({ terms: nearDeadline }));
    const changes = fake.changeSets[0]?.body.ChangeSet ?? [];
    const legalTerms = z.object({ Terms: z.tuple([z.object({ Documents: z.tuple([z.object({ Url: z.string() })]) })]) });
    const url = new URL(legalTerms.parse(changes[4]?.DetailsDocument).Terms[0].Documents[0].Url);
    expect(url.origin).toBe(`https://${BUCKET}.s3.${REGION}.amazonaws.com`);
    expect(url.pathname).toBe(`/offerkit/eulas/${SHA}.pdf`);
    expect(url.searchParams.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(url.searchParams.get("X-Amz-Credential")).toBe(`${credentials.accessKeyId}/20270301/${REGION}/s3/aws4_request`);
    expect(url.searchParams.get("X-Amz-Date")).toBe("20270301T120000Z");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("604800");
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses a presigned URL that would die before the deadline ends: after 7 days, or with a role's session", async () => {
    const late = await presigning().publish(request()).catch((caught: unknown) => caught);
    expect(late).toMatchObject({ retryable: false, message: expect.stringContaining("would stop working at 2027-03-08T12:00:00.000Z") });
    const session = { ...credentials, sessionToken: "session", expiration: new Date("2027-03-01T13:00:00.000Z") };
    const role = await presigning({ credentials: session }).publish(request({ terms: nearDeadline })).catch((caught: unknown) => caught);
    expect(role).toMatchObject({ retryable: false, message: expect.stringContaining("would stop working at 2027-03-01T13:00:00.000Z") });
    expect(fake.uploads).toEqual([]);
    expect(fake.startRequests).toEqual([]);
  });

  it("proves the change set against the published shapes before any call, naming the change, field and rule", async () => {
    const curly = { ...terms, refundPolicy: "Refunds for \u201Cunused\u201D months" };
    const error = await publisher().publish(request({ terms: curly })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      retryable: false,
      details: [
        {
          code: "SHAPE_VIOLATION",
          message: "UpdateSupportTerms (change 6): DetailsDocument.Terms.0.RefundPolicy: RefundPolicy takes ASCII and © ® ™ ¢ £ ¤ ¥ only",
          field: "refundPolicy",
        },
      ],
    });
    expect(fake.uploads).toEqual([]);
    expect(fake.startRequests).toEqual([]);
  });

  it("retries a throttled StartChangeSet and succeeds with the same request", async () => {
    fake.startFailures.push({ status: 429, type: "ThrottlingException", message: "Rate exceeded" });
    const { changeSetId } = await publisher().publish(request());
    expect(changeSetId).toBe("cs-1");
    const token = clientRequestToken("offer-V1StGXR8_Z5jdHi6B-myT", 1);
    expect(fake.startRequests).toEqual([token, token]);
    expect(fake.changeSets).toHaveLength(1);
  });

  it("reports throttling that outlasts the SDK's retries as retryable, so the follower tries later", async () => {
    fake.startFailures.push(
      { status: 429, type: "ThrottlingException", message: "Rate exceeded" },
      { status: 429, type: "ThrottlingException", message: "Rate exceeded" },
    );
    const error = await publisher(2).publish(request()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PublisherError);
    expect(error).toMatchObject({ retryable: true, details: [{ code: "ThrottlingException", message: "Rate exceeded" }] });
  });

  it("reports a refused request as not retryable, with AWS's error", async () => {
    fake.startFailures.push({ status: 403, type: "AccessDeniedException", message: "User is not authorized" });
    const error = await publisher().publish(request()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: false, details: [{ code: "AccessDeniedException", message: "User is not authorized" }] });
  });

  it("makes one offer however often an attempt is retried, and a new request for the next attempt", async () => {
    const first = await publisher().publish(request());
    // A follower that stopped before it recorded the answer publishes the same attempt again.
    const again = await publisher().publish(request());
    expect(again).toEqual(first);
    expect(fake.changeSets).toHaveLength(1);
    expect(new Set(fake.startRequests).size).toBe(1);

    const next = await publisher().publish(request({ attempt: 2, attemptStartedAt: new Date("2027-03-02T08:00:00.000Z") }));
    expect(next.changeSetId).toBe("cs-2");
    expect(fake.changeSets[1]?.token).toBe(clientRequestToken("offer-V1StGXR8_Z5jdHi6B-myT", 2));
  });

  it("sends a retry of an attempt byte for byte as the first request, the EULA's signature included", async () => {
    const bodies: string[] = [];
    server.events.on("request:start", ({ request }) => {
      if (request.url.endsWith("/StartChangeSet")) void request.clone().text().then((text) => bodies.push(text));
    });
    await presigning().publish(request({ terms: nearDeadline }));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await presigning().publish(request({ terms: nearDeadline }));
    server.events.removeAllListeners();
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
  });

  it("refuses, without calling AWS, a product that has no catalog product ID", async () => {
    const product = { ...request().product, catalogProductId: null };
    const error = await publisher().publish(request({ product })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ retryable: false, message: expect.stringContaining("prod-ours0000001 has no catalogProductId") });
    expect(fake.uploads).toEqual([]);
    expect(fake.startRequests).toEqual([]);
  });

  it("follows a change set until it succeeds, and gives the marketplace's offer and procurement URL", async () => {
    const follow = { changeSetId: "cs-9", marketplaceProductId: "4e4f3b0a-1111-4222-8333-444455556666" };
    expect(await publisher().follow(follow)).toEqual({ status: "in_progress" });
    fake.described.set("cs-9", { ChangeSetId: "cs-9", Status: "APPLYING", ChangeSet: [] });
    expect(await publisher().follow(follow)).toEqual({ status: "in_progress" });
    fake.described.set("cs-9", {
      ChangeSetId: "cs-9",
      Status: "SUCCEEDED",
      ChangeSet: [
        { ChangeType: "CreateOffer", ChangeName: "CreateOfferChange", Entity: { Type: "Offer@1.0", Identifier: "offer-mkt1111111111" }, ErrorDetailList: [] },
        { ChangeType: "ReleaseOffer", Entity: { Type: "Offer@1.0", Identifier: "offer-mkt1111111111" }, ErrorDetailList: [] },
      ],
    });
    expect(await publisher().follow(follow)).toEqual({
      status: "succeeded",
      marketplaceOfferId: "offer-mkt1111111111",
      buyerUrl: "https://aws.amazon.com/marketplace/procurement?productId=4e4f3b0a-1111-4222-8333-444455556666&offerId=offer-mkt1111111111",
    });
    expect(fake.describeRequests).toEqual(["AWSMarketplace/cs-9", "AWSMarketplace/cs-9", "AWSMarketplace/cs-9"]);
  });

  it("reports a FAILED change set with every entry of its ErrorDetailList, each with the offer field to fix", async () => {
    fake.described.set("cs-7", {
      ChangeSetId: "cs-7",
      Status: "FAILED",
      FailureCode: "CLIENT_ERROR",
      FailureDescription: "One or more changes failed",
      ChangeSet: [
        { ChangeType: "CreateOffer", ChangeName: "CreateOfferChange", Entity: { Type: "Offer@1.0" }, ErrorDetailList: [] },
        {
          ChangeType: "UpdateLegalTerms",
          Entity: { Type: "Offer@1.0" },
          ErrorDetailList: [{ ErrorCode: "INVALID_INPUT", ErrorMessage: "The EULA document could not be downloaded" }],
        },
        {
          ChangeType: "UpdateTargeting",
          Entity: { Type: "Offer@1.0" },
          ErrorDetailList: [{ ErrorCode: "INVALID_ACCOUNT", ErrorMessage: "Account 012345678901 cannot be targeted" }],
        },
      ],
    });
    expect(await publisher().follow({ changeSetId: "cs-7", marketplaceProductId: "4e4f3b0a-1111-4222-8333-444455556666" })).toEqual({
      status: "failed",
      error: {
        message: "Change set cs-7 failed on the marketplace: One or more changes failed",
        details: [
          { code: "INVALID_INPUT", message: "UpdateLegalTerms: The EULA document could not be downloaded", field: "eulaSha256" },
          { code: "INVALID_ACCOUNT", message: "UpdateTargeting: Account 012345678901 cannot be targeted", field: "buyerAccounts" },
        ],
      },
    });
  });
});
