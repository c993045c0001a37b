import { errorMessage } from "@offerkit/core";
import { loadConfig } from "./config";
import { runKeyRotation } from "./key-rotation";

// `pnpm --filter @offerkit/server rotate-data-key`, with the servers' own settings.
runKeyRotation(loadConfig(process.env), (line) => process.stderr.write(`${line}\n`)).then(
  (result) => {
    process.stdout.write(`${result.summary}\n`);
    process.exit(result.finished && result.unreadable.length === 0 ? 0 : 1);
  },
  (error: unknown) => {
    process.stderr.write(`${errorMessage(error)}\n`);
    process.exit(1);
  },
);
