import { http, HttpResponse } from "msw";
import { z } from "zod";

const agreementTarget = "AWSMPCommerceService_v20200301.";

const searchAgreementsBody = z.strictObject({
  catalog: z.literal("AWSMarketplace"),
  // AWS takes at most 10 filters, each with exactly one value.
  filters: z.array(z.strictObject({ name: z.string(), values: z.tuple([z.string()]) })).min(1).max(10),
  maxResults: z.number().int().min(1).max(50).optional(),
  nextToken: z.string().regex(/^[a-zA-Z0-9+/=]+$/).optional(),
});

/** An agreement as AWS sends it in JSON: timestamps are epoch seconds. */
export interface WireAgreement {
  agreementId: string;
  acceptanceTime?: number;
  startTime?: number;
  endTime?: number;
  agreementType: "PurchaseAgreement";
  acceptor?: { accountId: string };
  proposer: { accountId: string };
  proposalSummary: { offerId: string; resources: { id: string; type: string }[] };
  status?: string;
}

/** Epoch seconds, as AWS's JSON protocols write a timestamp. */
export const epochSeconds = (iso: string) => Date.parse(iso) / 1000;

/** A purchase agreement on `offerId` as SearchAgreements and DescribeAgreement send it. */
export function wireAgreement({
  id,
  offerId,
  account,
  acceptedAt,
  startsAt = acceptedAt,
  endsAt,
  status = "ACTIVE",
}: {
  id: string;
  offerId: string;
  account: string;
  acceptedAt: string;
  startsAt?: string;
  endsAt: string | null;
  status?: string;
}): WireAgreement {
  return {
    agreementId: id,
    acceptanceTime: epochSeconds(acceptedAt),
    startTime: epochSeconds(startsAt),
    ...(endsAt === null ? {} : { endTime: epochSeconds(endsAt) }),
    agreementType: "PurchaseAgreement",
    acceptor: { accountId: account },
    proposer: { accountId: "123456789012" },
    proposalSummary: { offerId, resources: [{ id: "prod-abcdef123456", type: "SaaSProduct" }] },
    status,
  };
}

/** An AWS JSON-protocol error: the type both in the body and in the header, as AWS sends it. */
function awsJsonError(status: number, type: string, message: string) {
  return HttpResponse.json({ __type: type, message }, { status, headers: { "x-amzn-ErrorType": type } });
}

/**
 * The Agreement API as AWS answers it on the wire (JSON 1.0 protocol, operation in
 * `X-Amz-Target`, timestamps as epoch seconds): SearchAgreements pages with nextToken, and
 * DescribeAgreement. It keeps what it was asked.
 */
export class FakeAgreementApi {
  private readonly url: string;
  /** The body of every SearchAgreements request, in order. */
  readonly searches: z.infer<typeof searchAgreementsBody>[] = [];
  /** The agreement ID of every DescribeAgreement request, in order. */
  readonly describes: string[] = [];
  /** Every agreement AWS holds, as it sends them; a search answers those made on the offer it names. */
  agreements: WireAgreement[] = [];
  /** How many agreements one SearchAgreements page holds at most (AWS pages by its own measure, at most maxResults). */
  pageSize = 50;
  /** What DescribeAgreement tells beyond an agreement's search summary, per agreement ID. */
  readonly details = new Map<string, Partial<WireAgreement>>();
  /** Answers queued for the Agreement API before it answers: a status and an AWS error type. */
  failures: { status: number; type: string; message: string }[] = [];

  constructor(region: string) {
    this.url = `https://agreement-marketplace.${region}.amazonaws.com/`;
  }

  handlers() {
    return [
      http.post(this.url, async ({ request }) => {
        const target = request.headers.get("x-amz-target") ?? "";
        const body: unknown = await request.json();
        const failure = this.failures.shift();
        if (failure) return awsJsonError(failure.status, failure.type, failure.message);
        if (target === `${agreementTarget}SearchAgreements`) return this.searchAgreements(body);
        if (target === `${agreementTarget}DescribeAgreement`) return this.describeAgreement(body);
        return awsJsonError(400, "UnknownOperationException", `unexpected operation ${target}`);
      }),
    ];
  }

  /** One page of the agreements made on the offer named by the OfferId filter; nextToken is the next page's start. */
  private searchAgreements(body: unknown) {
    const parsed = searchAgreementsBody.safeParse(body);
    if (!parsed.success) return awsJsonError(400, "ValidationException", parsed.error.message);
    const search = parsed.data;
    this.searches.push(search);
    const offerId = search.filters.find((filter) => filter.name === "OfferId")?.values[0];
    const matching = this.agreements.filter((agreement) => offerId === undefined || agreement.proposalSummary.offerId === offerId);
    const start = search.nextToken === undefined ? 0 : Number(Buffer.from(search.nextToken, "base64").toString().replace("from:", ""));
    if (!Number.isInteger(start) || start < 0 || start > matching.length) return awsJsonError(400, "ValidationException", "Invalid nextToken");
    const end = start + Math.min(search.maxResults ?? 50, this.pageSize);
    const page = matching.slice(start, end);
    return HttpResponse.json(end < matching.length ? { agreementViewSummaries: page, nextToken: Buffer.from(`from:${end}`).toString("base64") } : { agreementViewSummaries: page });
  }

  private describeAgreement(body: unknown) {
    const parsed = z.strictObject({ agreementId: z.string().min(1) }).safeParse(body);
    if (!parsed.success) return awsJsonError(400, "ValidationException", parsed.error.message);
    this.describes.push(parsed.data.agreementId);
    const agreement = this.agreements.find((candidate) => candidate.agreementId === parsed.data.agreementId);
    if (!agreement) return awsJsonError(400, "ResourceNotFoundException", `Agreement ${parsed.data.agreementId} not found`);
    return HttpResponse.json({ ...agreement, ...this.details.get(agreement.agreementId) });
  }
}
