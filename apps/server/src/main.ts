import { errorMessage } from "@offerkit/core";
import { loadConfig } from "./config";
import { startServer } from "./start-server";

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer(config);
  // Where it listens, and when it stops, is written whatever the level: operators and the tooling that starts it read it.
  const logger = server.logger.child({}, { level: "info" });
  // Ready to stop before it says it listens: whoever reads that line may stop it at once.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "stopping: finishing requests in flight, writing queued clicks");
    server.close().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ error: errorMessage(error) }, "stop failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  const storage = config.databaseUrl ? "PostgreSQL" : `SQLite in ${config.dataDir}`;
  logger.info({ url: server.url, storage, publicUrl: server.deps.config.publicUrl }, `Offerkit listening on ${server.url}`);
  if (config.bootstrapKey) logger.info("Demo seller ready: use OFFERKIT_BOOTSTRAP_KEY as its admin key.");
  if (server.firstAdminKey) {
    // Deliberately not a log line: the key is a secret, shown once to whoever started the server.
    process.stderr.write(`First start: created seller "default". Its admin key, shown only this once:\n\n  ${server.firstAdminKey}\n\n`);
  }
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exit(1);
});
