#!/usr/bin/env bash
# Installs everything, builds what changed and starts the built server on the embedded default:
# SQLite and files in ./.offerkit, no other service. Settings come from the environment (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

# One line per step; a step's own output is shown only when it fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
echo "Building the server and the console (only what changed)..." >&2
if ! "${PNPM[@]}" exec turbo run build --filter=@offerkit/server --filter=@offerkit/console --output-logs=errors-only >"$log" 2>&1; then
  cat "$log" >&2
  exit 1
fi

# The server's working folder is its package; resolve the data folder from here, where the README is.
OFFERKIT_DATA_DIR="${OFFERKIT_DATA_DIR:-.offerkit}"
case "$OFFERKIT_DATA_DIR" in /*) ;; *) OFFERKIT_DATA_DIR="$PWD/$OFFERKIT_DATA_DIR" ;; esac
export OFFERKIT_DATA_DIR
echo "Starting Offerkit..." >&2
cd apps/server
exec node --enable-source-maps dist/main.js
