#!/usr/bin/env bash
# Installs everything and starts the server on the embedded default: SQLite and files in
# ./.offerkit, no other service. Settings come from the environment (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
exec "${PNPM[@]}" --filter @offerkit/server start
