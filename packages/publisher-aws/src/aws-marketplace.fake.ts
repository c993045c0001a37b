import { http, HttpResponse } from "msw";
import { z } from "zod";
import { FakeAgreementApi } from "./agreement-api.fake";

export const REGION = "us-east-1";
export const BUCKET = "eulas-test";
const CATALOG_URL = `https://catalog.marketplace.${REGION}.amazonaws.com`;

/** A change as it went over the wire. */
export const wireChangeSchema = z.looseObject({ ChangeType: z.string(), DetailsDocument: z.unknown() });

const startChangeSetBody = z.object({
  Catalog: z.string(),
  ChangeSetName: z.string(),
  ClientRequestToken: z.string(),
  ChangeSet: z.array(wireChangeSchema),
});

export interface StartedChangeSet {
  id: string;
  token: string;
  body: z.infer<typeof startChangeSetBody>;
}

/**
 * AWS as the tests see it: S3, the Catalog API and the Agreement API at their real endpoints,
 * answered by msw. It keeps what it was sent, makes one change set per client request token
 * (as AWS does) and answers what each test queues.
 */
export class FakeAws {
  readonly uploads: { key: string; contentType: string | null; bytes: Uint8Array }[] = [];
  readonly changeSets: StartedChangeSet[] = [];
  readonly startRequests: string[] = [];
  readonly describeRequests: string[] = [];
  /** Answers queued for StartChangeSet before it makes a change set: a status and an AWS error type. */
  startFailures: { status: number; type: string; message: string }[] = [];
  /** The DescribeChangeSet body per change set ID; a change set not listed is still PREPARING. */
  readonly described = new Map<string, unknown>();
  /** Whether the bucket policy lets anyone read the EULA prefix, as the README asks of a seller. */
  eulasPublic = true;
  /** The Agreement API, which the tests fill with agreements. */
  readonly agreementApi = new FakeAgreementApi(REGION);

  handlers() {
    return [
      http.put(`https://${BUCKET}.s3.${REGION}.amazonaws.com/*`, async ({ request }) => {
        this.uploads.push({
          key: decodeURIComponent(new URL(request.url).pathname.slice(1)),
          contentType: request.headers.get("content-type"),
          bytes: new Uint8Array(await request.arrayBuffer()),
        });
        return new HttpResponse(null, { status: 200, headers: { ETag: '"etag"' } });
      }),
      // A read without credentials, as the marketplace makes it: S3 answers 403 to anonymous
      // callers for an object the bucket policy does not open, and for one that is not there.
      http.head(`https://${BUCKET}.s3.${REGION}.amazonaws.com/*`, ({ request }) => {
        const key = decodeURIComponent(new URL(request.url).pathname.slice(1));
        const readable = this.eulasPublic && !request.headers.has("authorization") && this.uploads.some((upload) => upload.key === key);
        return new HttpResponse(null, { status: readable ? 200 : 403 });
      }),
      http.post(`${CATALOG_URL}/StartChangeSet`, async ({ request }) => {
        const body = startChangeSetBody.parse(await request.json());
        this.startRequests.push(body.ClientRequestToken);
        const failure = this.startFailures.shift();
        if (failure) {
          return HttpResponse.json({ message: failure.message }, { status: failure.status, headers: { "x-amzn-ErrorType": failure.type } });
        }
        const existing = this.changeSets.find((changeSet) => changeSet.token === body.ClientRequestToken);
        const changeSet = existing ?? { id: `cs-${this.changeSets.length + 1}`, token: body.ClientRequestToken, body };
        if (!existing) this.changeSets.push(changeSet);
        return HttpResponse.json({ ChangeSetId: changeSet.id, ChangeSetArn: `arn:aws:aws-marketplace:${REGION}:123456789012:AWSMarketplace/ChangeSet/${changeSet.id}` });
      }),
      http.get(`${CATALOG_URL}/DescribeChangeSet`, ({ request }) => {
        const url = new URL(request.url);
        const id = url.searchParams.get("changeSetId") ?? "";
        this.describeRequests.push(`${url.searchParams.get("catalog")}/${id}`);
        return HttpResponse.json(this.described.get(id) ?? { ChangeSetId: id, Status: "PREPARING", ChangeSet: [] });
      }),
      ...this.agreementApi.handlers(),
    ];
  }
}
