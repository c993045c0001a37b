import { afterEach, describe, expect, it } from "vitest";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const credentialVariables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE"].filter((name) => process.env[name]);

describe("choosing the publisher at start", () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => stop?.());

  it("publishes locally by default, with no background follower", async () => {
    const server = await startTestServer();
    stop = server.stop;
    expect(server.deps.publisher).toEqual({ kind: "local" });
    expect(server.follower).toBeNull();
    expect((await server.client(BOOTSTRAP_KEY).offers.list.query({ limit: 1 })).items).toEqual([]);
  });

  it("starts with the AWS publisher without credentials or a network call, and stops its follower on close", async () => {
    expect(credentialVariables).toEqual([]);
    const server = await startTestServer({ OFFERKIT_PUBLISHER: "aws", OFFERKIT_AWS_EULA_BUCKET: "acme-eulas" });
    stop = server.stop;
    expect(server.deps.publisher).toMatchObject({ kind: "marketplace", name: "aws" });
    expect(server.follower).not.toBeNull();
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    expect(await server.follower?.runOnce()).toBe(0);
  });
});
