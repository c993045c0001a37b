// Stamps EULA copies on its own thread, one at a time, so a 1000-page file never holds up the
// server's event loop (see createStampPool). Plain JavaScript: workers start without a loader.
import { parentPort } from "node:worker_threads";
import { stampPdf } from "./stamp-pdf.mjs";

if (parentPort === null) throw new Error("stamp-worker.mjs runs as a worker thread, started by createStampPool");
const port = parentPort;

port.on("message", async ({ id, bytes, footer }) => {
  try {
    // Nothing else runs on this thread: yielding to its event loop would only cost time.
    const stamped = await stampPdf(bytes, footer, Infinity);
    // Moved, not copied: the copy can be as large as the EULA limit.
    port.postMessage({ id, bytes: stamped }, [stamped.buffer]);
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
    port.postMessage({ id, error: { name, message } });
  }
});
