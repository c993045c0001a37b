// A webhook receiver for the webhook benchmark, in a process of its own: it answers 204 and
// tells its parent how long each event took to arrive from its commit.
import { createServer } from "node:http";

const server = createServer((request, response) => {
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => {
    const event = JSON.parse(Buffer.concat(chunks).toString());
    process.send?.(Date.now() - Date.parse(event.timestamp));
    response.writeHead(204).end();
  });
});
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
