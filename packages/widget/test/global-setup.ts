import { startServerProcess, type ServerProcess } from "@offerkit/test-server";
import { seedBuyerScenario, type BuyerScenario } from "@offerkit/test-server/seed";
import type { TestProject } from "vitest/node";
import { PAGE_ORIGIN } from "../vitest.config";

declare module "vitest" {
  export interface ProvidedContext {
    apiUrl: string;
    scenario: BuyerScenario;
  }
}

let server: ServerProcess | undefined;

/** One real server for every suite, with a sent offer and a support subscription seeded. */
export async function setup(project: TestProject) {
  server = await startServerProcess({ OFFERKIT_CORS_ORIGINS: PAGE_ORIGIN });
  project.provide("apiUrl", server.url);
  project.provide("scenario", await seedBuyerScenario(server.url));
}

export async function teardown() {
  await server?.stop();
}
