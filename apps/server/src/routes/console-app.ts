import { existsSync } from "node:fs";
import { join } from "node:path";
import express, { Router } from "express";

/** The console may load only its own files and talk only to this server. */
const CONSOLE_HEADERS = {
  "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};

/**
 * The sales console's built files at /console, with every other /console path answered by its
 * page (the console routes in the browser). Hashed assets are cached for good; the page never.
 */
export function consoleApp(dir: string): Router {
  const routes = Router();
  const page = join(dir, "index.html");
  routes.get("/", (_req, res) => res.redirect(302, "/console/"));
  routes.use("/console", (_req, res, next) => {
    res.set(CONSOLE_HEADERS);
    next();
  });
  routes.use("/console/assets", express.static(join(dir, "assets"), { immutable: true, maxAge: "365d", index: false }));
  // A missing script must not be answered with the page: the browser would run HTML as code.
  routes.use("/console/assets", (_req, res) => {
    res.status(404).type("text/plain").send("No such file.\n");
  });
  routes.get(["/console", "/console/{*route}"], (_req, res) => {
    if (!existsSync(page)) {
      res.status(503).type("text/plain").send("The console is not built yet: run `pnpm --filter @offerkit/console build` (npm start does).\n");
      return;
    }
    res.set("Cache-Control", "no-cache").sendFile(page);
  });
  return routes;
}
