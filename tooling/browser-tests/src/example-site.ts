import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { build } from "esbuild";

/** The address the widget's examples are written for: `npm start`'s default server. */
const EXAMPLE_OFFERKIT_URL = "http://127.0.0.1:3000";

const widgetDir = dirname(createRequire(import.meta.url).resolve("@offerkit/widget/package.json"));

export interface ExampleSite {
  /** e.g. http://127.0.0.1:41234: a marketing site's origin, not the Offerkit server's. */
  url: string;
  /** Where the stand-in marketplace's product pages live: point the server's links here. */
  marketplaceUrl: string;
  /** Makes the examples talk to this Offerkit server instead of the default one. */
  useOfferkit(url: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A marketing site on its own origin serving the widget's examples as a customer would: the
 * built embed script and the React example bundled against the built package. It also stands
 * in for the marketplace, so that no test leaves the machine.
 */
export async function startExampleSite(): Promise<ExampleSite> {
  const files = new Map<string, { type: string; body: string }>();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    const file = files.get(path);
    if (file) {
      res.writeHead(200, { "content-type": file.type, "cache-control": "no-store" }).end(file.body);
    } else if (path.startsWith("/marketplace/pp/")) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><title>Marketplace</title><h1>Marketplace product page</h1>`);
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

  return {
    url,
    marketplaceUrl: `${url}/marketplace`,
    async useOfferkit(offerkitUrl) {
      const withServer = (text: string) => text.replaceAll(EXAMPLE_OFFERKIT_URL, offerkitUrl);
      const example = (name: string) => readFileSync(join(widgetDir, "examples", name), "utf8");
      const bundle = await build({
        entryPoints: [join(widgetDir, "examples", "react-example.tsx")],
        bundle: true,
        write: false,
        format: "esm",
        target: "es2022",
        jsx: "automatic",
        define: { "process.env.NODE_ENV": '"production"' },
        alias: { "@offerkit/widget/react": join(widgetDir, "dist", "react.js") },
        logLevel: "silent",
      });
      // A development bundle, as `vite` or `next dev` serves one: NODE_ENV is "development".
      const devBundle = await build({
        stdin: {
          contents: `import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { MarketplaceLink } from "@offerkit/widget/react";
const root = document.getElementById("root");
if (root) createRoot(root).render(createElement("p", null, createElement(MarketplaceLink, { asin: "B00635Y2I", refTag: "ads_dev" }, "A link whose ASIN lost a character")));`,
          resolveDir: join(widgetDir, "examples"),
        },
        bundle: true,
        write: false,
        format: "esm",
        target: "es2022",
        define: { "process.env.NODE_ENV": '"development"' },
        alias: { "@offerkit/widget/react": join(widgetDir, "dist", "react.js") },
        logLevel: "silent",
      });
      const html = "text/html; charset=utf-8";
      const js = "text/javascript; charset=utf-8";
      files.set("/embed.html", { type: html, body: withServer(example("embed.html")) });
      files.set("/embed-debug.html", { type: html, body: withServer(example("embed.html")).replace("<script src=", "<script data-debug src=") });
      files.set("/react.html", { type: html, body: example("react.html") });
      files.set("/react-dev.html", { type: html, body: example("react.html").replace("./react-example.js", "./react-dev.js") });
      files.set("/react-dev.js", { type: js, body: devBundle.outputFiles[0]?.text ?? "" });
      files.set("/offerkit-embed.js", { type: js, body: readFileSync(join(widgetDir, "dist", "embed", "offerkit-embed.js"), "utf8") });
      files.set("/react-example.js", { type: js, body: withServer(bundle.outputFiles[0]?.text ?? "") });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
