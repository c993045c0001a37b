import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressRule } from "./address-guard";
import { createHttpWebhookPoster, isNetwork, isPublicAddress } from "./index";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A receiver on this machine whose answers each test sets; it counts what reached it. */
async function startServer(host = "127.0.0.1") {
  let handler: Handler = (_request, response) => response.writeHead(204).end();
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? "");
    request.resume();
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hits,
    handle: (next: Handler) => {
      handler = next;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const headers = { "webhook-id": "evt-0000000000", "webhook-timestamp": "1700000000", "webhook-signature": "v1,abc" };

describe("the HTTP webhook poster", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  const local = (path: string, host = "127.0.0.1") => `http://${host}:${server.port}${path}`;
  const permissive = createHttpWebhookPoster({ allowPrivateNetworks: true, timeoutMs: 1_000 });

  it("posts the body with the signature headers and reads the answer", async () => {
    let seen: { headers: IncomingMessage["headers"]; body: string } | null = null;
    server.handle((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        seen = { headers: request.headers, body: Buffer.concat(chunks).toString() };
        response.writeHead(200).end("thanks");
      });
    });
    const outcome = await permissive.post(local("/ok"), headers, '{"id":"evt-0000000000"}');
    expect(outcome).toMatchObject({ status: 200, error: null, response: "thanks", retryAfterMs: null });
    expect(seen).toMatchObject({ body: '{"id":"evt-0000000000"}', headers: { ...headers, "content-type": "application/json", "user-agent": "Offerkit-Webhooks/1" } });
  });

  it("never reaches a private address unless the operator allows it: not by IP, not by a name that resolves to one", async () => {
    const strict = createHttpWebhookPoster({ timeoutMs: 1_000 });
    const before = server.hits.length;
    for (const url of [local("/a"), local("/b", "localhost"), local("/c", "[::ffff:127.0.0.1]"), "http://169.254.169.254/latest/meta-data", "https://10.0.0.8/hooks"]) {
      const outcome = await strict.post(url, headers, "{}");
      expect(outcome.status, url).toBeNull();
      expect(outcome.error, url).toMatch(/private or reserved address/);
    }
    expect(server.hits.length).toBe(before);
    expect(await strict.refusal(local("/b", "localhost"))).toBe("localhost resolves to a private or reserved address this server does not deliver to");
    expect(await strict.refusal(local("/b"))).toBe("127.0.0.1 is a private or reserved address this server does not deliver to");
    expect(await strict.refusal("https://93.184.216.34/hooks")).toBeNull();
    // A name DNS does not know yet is taken when saved; its deliveries fail until it resolves.
    expect(await strict.refusal("https://no-such-host.invalid/hooks")).toBeNull();
  });

  it("follows no redirect by default, and checks every hop when the operator allows some", async () => {
    server.handle((request, response) => {
      if (request.url === "/moved") response.writeHead(302, { location: "/final" }).end();
      else if (request.url === "/to-plain-ftp") response.writeHead(307, { location: "ftp://127.0.0.1/final" }).end();
      else response.writeHead(200).end("final");
    });
    const notFollowed = await permissive.post(local("/moved"), headers, "{}");
    expect(notFollowed).toMatchObject({ status: 302 });
    expect(notFollowed.error).toMatch(/^Redirected to http:\/\/127\.0\.0\.1:\d+\/final: redirects are not followed/);
    expect(server.hits.at(-1)).toBe("/moved");

    const following = createHttpWebhookPoster({ allowPrivateNetworks: true, timeoutMs: 1_000, maxRedirects: 2 });
    expect(await following.post(local("/moved"), headers, "{}")).toMatchObject({ status: 200, error: null, response: "final" });

    // Each hop is a request of its own, through the same address check.
    const strictFollowing = createHttpWebhookPoster({ allowPrivateNetworks: false, timeoutMs: 1_000, maxRedirects: 2 });
    expect((await strictFollowing.post(local("/moved"), headers, "{}")).error).toMatch(/private or reserved address/);
    const downgrade = await following.post(local("/to-plain-ftp"), headers, "{}");
    expect(downgrade.error).toMatch(/only https is followed/);
  });

  it("reaches the ranges the operator names and nothing else private, on every hop", async () => {
    // 127.0.0.2 stands for a trusted subnet: the whole of 127/8 is this machine's.
    const trusted = await startServer("127.0.0.2");
    try {
      trusted.handle((request, response) => {
        if (request.url === "/to-untrusted") response.writeHead(302, { location: local("/final") }).end();
        else response.writeHead(204).end();
      });
      const narrow = createHttpWebhookPoster({ allowedNetworks: ["127.0.0.2/32"], timeoutMs: 1_000, maxRedirects: 2 });
      const at = (path: string) => `http://127.0.0.2:${trusted.port}${path}`;
      expect(await narrow.post(at("/hooks"), headers, "{}")).toMatchObject({ status: 204, error: null });
      expect(await narrow.refusal(at("/hooks"))).toBeNull();
      expect(await narrow.refusal(local("/hooks"))).toMatch(/^127\.0\.0\.1 is a private or reserved address/);

      // An allowed first hop that redirects outside the ranges: the second hop is refused before it connects.
      const before = server.hits.length;
      const redirected = await narrow.post(at("/to-untrusted"), headers, "{}");
      expect(redirected).toMatchObject({ status: null });
      expect(redirected.error).toMatch(/^127\.0\.0\.1 is a private or reserved address/);
      expect(trusted.hits).toContain("/to-untrusted");
      expect(server.hits.length).toBe(before);
    } finally {
      await trusted.close();
    }
  });

  it("matches ranges by family, IPv4 written as IPv6 as IPv4", () => {
    const allowed = addressRule(false, ["10.20.0.0/16", "fd00::/8"]);
    expect(["10.20.3.4", "::ffff:10.20.3.4", "fd12::1", "93.184.216.34"].map(allowed)).toEqual([true, true, true, true]);
    expect(["10.21.0.1", "169.254.169.254", "127.0.0.1", "fe80::1", "::1", "not an address"].map(allowed)).toEqual([false, false, false, false, false, false]);
    expect(["10.20.0.0/16", "fd00::/8", "192.168.1.5/32"].every(isNetwork)).toBe(true);
    expect(["10.20.0.0", "10.20.0.0/33", "fd00::/129", "example.com/8", ""].some(isNetwork)).toBe(false);
  });

  it("gives up on an endpoint that does not answer in time", async () => {
    server.handle(() => undefined);
    const quick = createHttpWebhookPoster({ allowPrivateNetworks: true, timeoutMs: 300 });
    const started = Date.now();
    const outcome = await quick.post(local("/slow"), headers, "{}");
    expect(outcome).toMatchObject({ status: null, error: "No answer within 300 ms" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("reads no more of an answer than the cap, and logs its first kilobyte", async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      const chunk = "x".repeat(64 * 1024);
      // An answer that would go on for 100 MiB.
      let sent = 0;
      const write = () => {
        while (sent < 1600 && response.write(chunk)) sent += 1;
        if (sent < 1600) response.once("drain", write);
        else response.end();
      };
      write();
    });
    const capped = createHttpWebhookPoster({ allowPrivateNetworks: true, timeoutMs: 2_000, responseLimitBytes: 16 * 1024 });
    const outcome = await capped.post(local("/huge"), headers, "{}");
    expect(outcome).toMatchObject({ status: 200, error: null });
    expect(outcome.response).toHaveLength(1024);
  });

  it("reads Retry-After of a 429 or 503, in seconds or as a date, and of nothing else", async () => {
    const at = Date.parse("2030-01-01T00:00:00Z");
    const poster = createHttpWebhookPoster({ allowPrivateNetworks: true, timeoutMs: 1_000, now: () => at });
    const answers: [number, string, number | null][] = [
      [429, "30", 30_000],
      [503, new Date(at + 90_000).toUTCString(), 90_000],
      [500, "30", null],
      [429, "soon", null],
    ];
    for (const [status, value, expected] of answers) {
      server.handle((_request, response) => response.writeHead(status, { "retry-after": value }).end());
      expect((await poster.post(local("/busy"), headers, "{}")).retryAfterMs).toBe(expected);
    }
  });

  it("tells public addresses from the rest", () => {
    expect(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"].every(isPublicAddress)).toBe(true);
    const refused = ["127.0.0.1", "10.1.2.3", "172.31.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd12::1", "::ffff:192.168.0.1", "::7f00:1", "::a9fe:a9fe", "224.0.0.1", "255.255.255.255", "not an address"];
    expect(refused.filter(isPublicAddress)).toEqual([]);
  });
});
