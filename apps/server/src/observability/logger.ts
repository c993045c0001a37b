import { destination as fileDestination, pino, stdTimeFunctions, type DestinationStream, type Logger } from "pino";

export type { Logger };

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

/**
 * The server's structured log: one JSON object a line on stdout. No line carries a header, a
 * body or a query string, so secrets and personal data never reach it; the redaction below is a
 * second guard for a field someone adds by mistake.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: "offerkit" },
    timestamp: stdTimeFunctions.isoTime,
    redact: {
      paths: ["authorization", "cookie", "secret", "token", "password", "*.authorization", "*.cookie", "*.secret", "*.token", "*.password", "headers"],
      censor: "[redacted]",
    },
  };
  // Written synchronously: the server exits right after its last line ("stopped", or why it
  // failed), and an asynchronous write still in flight then is lost. One line per request
  // costs a few microseconds; the tracking redirect writes none.
  return pino(options, destination ?? fileDestination({ dest: 1, sync: true }));
}
