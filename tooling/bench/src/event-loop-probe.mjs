// Loaded into a server process by the EULA copies bench (NODE_OPTIONS=--import <this file>): it
// watches the main thread's event loop with perf_hooks.monitorEventLoopDelay, and on each SIGUSR2
// writes what it saw since the last one to stderr, as one line the bench reads, then starts over.
// Plain JavaScript: it loads before the server's TypeScript loader.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  // A 1 ms timer: the finest the histogram samples; its own jitter shows in the idle baseline.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  process.on("SIGUSR2", () => {
    const ms = (nanoseconds) => Number((nanoseconds / 1e6).toFixed(3));
    const report = {
      p50: ms(delay.percentile(50)),
      p99: ms(delay.percentile(99)),
      max: ms(delay.max),
      samples: delay.count,
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    };
    process.stderr.write(`event-loop-delay ${JSON.stringify(report)}\n`);
    delay.reset();
  });
}
