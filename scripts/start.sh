#!/usr/bin/env bash
# Installs everything, builds the console and starts the server on the embedded default:
# SQLite and files in ./.offerkit, no other service. Settings come from the environment (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# The console (/console) is served from its build; turbo rebuilds only what changed.
echo "Building the console..." >&2
"${PNPM[@]}" exec turbo run build --filter=@offerkit/console --output-logs=errors-only >&2
# The server runs in its package folder: resolve the data folder from here, where the README is.
OFFERKIT_DATA_DIR="${OFFERKIT_DATA_DIR:-.offerkit}"
case "$OFFERKIT_DATA_DIR" in /*) ;; *) OFFERKIT_DATA_DIR="$PWD/$OFFERKIT_DATA_DIR" ;; esac
export OFFERKIT_DATA_DIR
exec "${PNPM[@]}" --filter @offerkit/server start
