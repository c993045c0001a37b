import { createPublicationFollower, type PublicationFollower, type Scheduler } from "@offerkit/api";
import { createTestApi } from "@offerkit/api/testing";
import type { testDialects } from "@offerkit/db/testing";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { BUCKET, FakeAws, REGION } from "./aws-marketplace.fake";
import { createAwsPublisher } from "./aws-publisher";

export const TEST_CREDENTIALS = { accessKeyId: "AKIATESTTESTTESTTEST", secretAccessKey: "test-secret-key-not-real" };
/** The follower runs when a test says so, never on a timer. */
const neverTicks: Scheduler = { after: () => ({ cancel: () => undefined }) };

interface AwsFlow {
  fake: FakeAws;
  api: Awaited<ReturnType<typeof createTestApi>>;
  follower: PublicationFollower;
}

/**
 * The real API and its publication follower, publishing to AWS answered by msw at AWS's
 * endpoints: a fresh database, fake and follower for each test of the calling `describe`.
 */
export function useAwsFlow(dialect: ReturnType<typeof testDialects>[number]): AwsFlow {
  const server = setupServer();
  let current: AwsFlow | null = null;
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());
  beforeEach(async () => {
    const fake = new FakeAws();
    server.resetHandlers(...fake.handlers());
    const publisher = createAwsPublisher({ region: REGION, eulaBucket: BUCKET }, { credentials: TEST_CREDENTIALS });
    const api = await createTestApi(dialect, { publisher });
    current = { fake, api, follower: createPublicationFollower(api.deps, publisher, { scheduler: neverTicks }) };
  });
  afterEach(async () => {
    await current?.follower.close();
    await current?.api.close();
    current = null;
  });
  const now = (): AwsFlow => {
    if (current === null) throw new Error("The AWS flow exists only while a test runs");
    return current;
  };
  return {
    get fake() {
      return now().fake;
    },
    get api() {
      return now().api;
    },
    get follower() {
      return now().follower;
    },
  };
}
