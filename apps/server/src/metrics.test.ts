import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BOOTSTRAP_KEY, startTestServer } from "./test-server";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
const SAMPLE = /^[a-z_]+(\{[^}]*\})? -?[0-9.e+-]+$/;

describe("/metrics", () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  it("counts and times redirects, procedures and routes, the click buffer and its writes", async () => {
    const redirect = (path: string) => fetch(`${server.url}${path}`, { headers: { "user-agent": BROWSER }, redirect: "manual" });
    expect((await redirect("/pp/B00635Y2IW/ref=ads_metrics")).status).toBe(302);
    expect((await redirect("/pp/B00000NONE/ref=ads_metrics")).status).toBe(404);
    await server.client(BOOTSTRAP_KEY).products.list.query({ limit: 1 });
    await fetch(`${server.url}/trpc/no.such.procedure`);
    await fetch(`${server.url}/eula/${"0".repeat(64)}`, { headers: { authorization: `Bearer ${BOOTSTRAP_KEY}` } });
    await fetch(`${server.url}/healthz`);
    // The click may already be written by the batch timer; a flush makes sure it is.
    await server.tracker.flush();

    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    for (const line of text.split("\n").filter((sample) => sample !== "" && !sample.startsWith("#"))) expect(line).toMatch(SAMPLE);
    expect(text).toContain('offerkit_redirects_total{status="302"} 1\n');
    expect(text).toContain('offerkit_redirects_total{status="404"} 1\n');
    expect(text).toMatch(/offerkit_trpc_calls_total\{procedure="products.list",status="200"\} [1-9]/);
    expect(text).toMatch(/offerkit_trpc_call_duration_seconds_count\{procedure="products.list"\} [1-9]/);
    expect(text).toContain('offerkit_trpc_calls_total{procedure="unknown",status="404"} 1\n');
    expect(text).not.toContain("no.such.procedure");
    expect(text).toMatch(/offerkit_http_requests_total\{route="\/eula\/:sha256",method="GET",status="404"\} 1/);
    expect(text).toMatch(/offerkit_http_request_duration_seconds_count\{route="\/healthz"\} 1/);
    expect(text).toContain("offerkit_click_buffer_depth 0\n");
    expect(text).toMatch(/offerkit_click_flushes_total\{outcome="ok"\} [1-9]/);
    expect(text).toMatch(/offerkit_click_flush_duration_seconds_count [1-9]/);
  });
});
