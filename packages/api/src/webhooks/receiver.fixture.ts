import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  path: string;
}

/** How the receiver answers one request; the default answers 204. */
export type Answer = (request: ReceivedWebhook, index: number, response: ServerResponse) => void;

/**
 * A real HTTP server on 127.0.0.1 that records every webhook it receives and answers as a test
 * says: the other side of a delivery, with nothing of Offerkit's in it.
 */
export async function startReceiver(answer: Answer = (_request, _index, response) => response.writeHead(204).end()) {
  const received: ReceivedWebhook[] = [];
  let respond = answer;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), path: req.url ?? "/" };
      received.push(request);
      respond(request, received.length - 1, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received,
    /** Answers from now on with `next`. */
    answerWith(next: Answer) {
      respond = next;
    },
    /** The parsed bodies of what arrived, in order. */
    events(): { id: string; type: string; data: Record<string, unknown> }[] {
      return received.map((request) => JSON.parse(request.body) as { id: string; type: string; data: Record<string, unknown> });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
