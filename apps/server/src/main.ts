import { loadConfig } from "./config";
import { startServer } from "./start-server";

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const server = await startServer(config);
  const storage = config.databaseUrl ? "PostgreSQL" : `SQLite in ${config.dataDir}`;
  console.log(`Offerkit listening on ${server.url} (${storage}); buyer links use ${server.deps.config.publicUrl}`);
  if (config.bootstrapKey) console.log("Demo seller ready: use OFFERKIT_BOOTSTRAP_KEY as its admin key.");
  if (server.firstAdminKey) {
    console.log(`First start: created seller "default". Its admin key, shown only this once:\n\n  ${server.firstAdminKey}\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
