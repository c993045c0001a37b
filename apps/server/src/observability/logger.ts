import { destination as fileDestination, pino, stdTimeFunctions, type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";

export type { Logger };

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

export const logFormats = ["json", "pretty"] as const;
/** `json`: one object a line, for machines; `pretty`: coloured lines, for a person at a terminal. */
export type LogFormat = (typeof logFormats)[number];

/** Pretty for a person at a terminal, JSON whenever the output goes to a file, a pipe or a collector. */
export function defaultLogFormat(stdout: { isTTY?: boolean }): LogFormat {
  return stdout.isTTY === true ? "pretty" : "json";
}

/**
 * The server's structured log: one JSON object a line on stdout. No line carries a header, a
 * body or a query string, so secrets and personal data never reach it; the redaction below is a
 * second guard for a field someone adds by mistake.
 */
export function createLogger(level: LogLevel, destination?: DestinationStream, format: LogFormat = "json"): Logger {
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
  if (destination) return pino(options, destination);
  if (format === "pretty") return pino(options, pretty({ sync: true, ignore: "pid,hostname,service", translateTime: "SYS:HH:MM:ss.l" }));
  return pino(options, fileDestination({ dest: 1, sync: true }));
}
