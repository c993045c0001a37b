import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { ensureDemoSeller, ensureFirstSeller, randomIds, systemClock, type ApiDeps, type Clock } from "@offerkit/api";
import { migrateToLatest, openDatabase } from "@offerkit/db";
import { createFileBlobStore } from "@offerkit/eula";
import { createApp } from "./app";
import type { ServerConfig } from "./config";

export interface RunningServer {
  /** The base URL it listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  deps: ApiDeps;
  /** A new admin key, when this start created the first seller; shown once. */
  firstAdminKey: string | null;
  /** Stops accepting, finishes requests in flight, closes the database. */
  close(): Promise<void>;
}

/** Opens storage, migrates, bootstraps and listens. */
export async function startServer(config: ServerConfig, options: { clock?: Clock } = {}): Promise<RunningServer> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(database.db);
  const deps: ApiDeps = {
    db: database.db,
    blobs: createFileBlobStore(join(config.dataDir, "blobs")),
    clock: options.clock ?? systemClock,
    ids: randomIds,
    config: { publicUrl: config.publicUrl, eulaMaxBytes: config.eulaMaxBytes },
  };
  if (config.bootstrapKey) await ensureDemoSeller(deps, config.bootstrapKey);
  const firstAdminKey = await ensureFirstSeller(deps);

  const server: Server = createServer(createApp(deps));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  return {
    url: `http://${config.host.includes(":") ? `[${config.host}]` : config.host}:${port}`,
    deps,
    firstAdminKey,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await database.close();
    },
  };
}
