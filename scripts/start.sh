#!/usr/bin/env bash
# Installs everything and starts the server on the embedded default: SQLite and files in
# ./.offerkit, no other service. Settings come from the environment (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
# The server runs in its package folder; keep the data beside the README unless told otherwise.
export OFFERKIT_DATA_DIR="${OFFERKIT_DATA_DIR:-$PWD/.offerkit}"
exec "${PNPM[@]}" --filter @offerkit/server start
