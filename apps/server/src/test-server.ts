import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AppRouter } from "@offerkit/api";
import { TestClock, TEST_START } from "@offerkit/api/testing";
import { createEmptyPostgresDatabase } from "@offerkit/db/testing";
import { startServerProcess, type ServerProcess, type ServerProcessOptions } from "@offerkit/test-server";
import { createTRPCClient, httpBatchLink, httpLink, isNonJsonSerializable, splitLink } from "@trpc/client";
import { loadConfig } from "./config";
import { createLogger } from "./observability/logger";
import { startServer, type StartOptions } from "./start-server";

export const BOOTSTRAP_KEY = "test-bootstrap-admin-key";

/**
 * A fleet: `count` server processes on one new PostgreSQL database with one data key, started one
 * after another (the first migrates), each with a data folder of its own unless `options` names
 * one. `stop` stops them (removing their own folders) and drops the database.
 */
export async function startServersOnPostgres(count: number, env: Record<string, string> = {}, options: ServerProcessOptions = {}) {
  const database = await createEmptyPostgresDatabase();
  const fleetEnv = { ...env, DATABASE_URL: database.url, OFFERKIT_DATA_KEY: randomBytes(32).toString("base64") };
  const servers: ServerProcess[] = [];
  for (let index = 0; index < count; index += 1) servers.push(await startServerProcess(fleetEnv, options));
  return {
    servers,
    stop: async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await database.drop();
    },
  };
}

/** A real server on a free loopback port, over a fresh SQLite data folder, with a test clock. */
export async function startTestServer(env: Record<string, string> = {}, options: Omit<StartOptions, "clock"> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), "offerkit-server-"));
  const clock = new TestClock(TEST_START);
  const config = loadConfig({ PORT: "0", OFFERKIT_DATA_DIR: dataDir, OFFERKIT_BOOTSTRAP_KEY: BOOTSTRAP_KEY, ...env });
  // Warnings and errors go through the console, where the suites' log guard reads every line.
  const logger = createLogger("warn", { write: (line: string) => console.error(line.trimEnd()) });
  const server = await startServer(config, { clock, logger, ...options });
  return {
    ...server,
    clock,
    dataDir,
    client: (secret: string) => trpcClient(server.url, secret),
    stop: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The client a partner app would build: batches JSON calls, sends FormData uploads alone. */
export function trpcClient(url: string, secret: string) {
  const headers = { authorization: `Bearer ${secret}` };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => isNonJsonSerializable(op.input),
        true: httpLink({ url: `${url}/trpc`, headers }),
        false: httpBatchLink({ url: `${url}/trpc`, headers }),
      }),
    ],
  });
}
