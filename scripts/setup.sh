#!/usr/bin/env bash
# Shared by start.sh and test.sh: makes sure pnpm is there and the workspace is installed.
# Needs only Node 20 and npm on the machine.
set -euo pipefail

PNPM_VERSION="12.21.0"
export TURBO_TELEMETRY_DISABLED=1

# better-sqlite3 compiles from source where no prebuilt binary can be fetched; pnpm reads the
# Node headers' location only from the environment.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi

if command -v pnpm >/dev/null 2>&1 && [ "$(pnpm --version 2>/dev/null)" = "$PNPM_VERSION" ]; then
  PNPM=(pnpm)
elif npm install -g --silent "pnpm@$PNPM_VERSION" >/dev/null 2>&1 && [ -x "$(npm prefix -g)/bin/pnpm" ]; then
  PNPM=("$(npm prefix -g)/bin/pnpm")
else
  PNPM=(npx --yes "pnpm@$PNPM_VERSION")
fi

# A script working on what is installed already sets SETUP_SKIP_INSTALL=1 before sourcing this.
if [ -n "${SETUP_SKIP_INSTALL:-}" ]; then return 0; fi

echo "Installing dependencies with pnpm $PNPM_VERSION..." >&2
# pnpm's progress is noise when all goes well; its whole output is shown when it fails.
install_log=$(mktemp)
if ! "${PNPM[@]}" install --frozen-lockfile --reporter=append-only >"$install_log" 2>&1; then
  cat "$install_log" >&2
  rm -f "$install_log"
  exit 1
fi
rm -f "$install_log"
