# syntax=docker/dockerfile:1
# Offerkit's server: built in one stage, run from the deployable folder in a slim one.
#   docker build -t offerkit .
#   docker run -p 3000:3000 -v offerkit-data:/data offerkit
# Settings are environment variables: see docs/deploy.md.

# The full image has python3, make and g++: better-sqlite3 compiles where no prebuilt binary fits.
FROM node:20-bookworm AS build
WORKDIR /src
COPY . .
RUN npm install -g pnpm@12.21.0 \
  && pnpm install --frozen-lockfile \
  && pnpm exec turbo run build --filter=@offerkit/server --filter=@offerkit/console \
  && bash scripts/deploy-folder.sh --built /app

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    OFFERKIT_DATA_DIR=/data
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin offerkit \
  && mkdir -p /data \
  && chown offerkit /data \
  && chmod 700 /data
# The code belongs to root and is read-only to the server's user; only /data is its own.
COPY --from=build /app /app
WORKDIR /app
USER offerkit
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/readyz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node runs as PID 1 and handles SIGTERM itself (docker stop): it finishes the requests in
# flight and writes the queued clicks before it exits.
CMD ["node", "--enable-source-maps", "dist/main.js"]
