#!/usr/bin/env bash
# Makes the deployable folder: the built server, its console and only the dependencies it loads at
# run time, ready for `node dist/main.js` on any machine with Node 20 (same OS and CPU as this one,
# for better-sqlite3's native code). Usage: npm run deploy-folder -- <folder> (default: ./deploy).
# With --built, the server and console builds already made are used as they are (the test that
# checks this folder runs after them, and must not build while other suites read them).
set -euo pipefail
cd "$(dirname "$0")/.."
build=1
if [ "${1:-}" = "--built" ]; then
  build=""
  shift
fi
target="${1:-deploy}"
case "$target" in /*) ;; *) target="$PWD/$target" ;; esac
if [ -e "$target" ] && [ -n "$(ls -A "$target" 2>/dev/null)" ]; then
  echo "$target exists and is not empty: name a new folder." >&2
  exit 2
fi
if [ -z "$build" ]; then SETUP_SKIP_INSTALL=1; fi
source scripts/setup.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
step() {
  local title="$1"
  shift
  echo "$title" >&2
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    exit 1
  fi
}

if [ -n "$build" ]; then
  step "Building the server and the console..." "${PNPM[@]}" exec turbo run build --filter=@offerkit/server --filter=@offerkit/console --output-logs=errors-only
elif [ ! -f apps/server/dist/main.js ] || [ ! -f apps/console/dist/index.html ]; then
  echo "--built, but the server or the console is not built: run npm run build first." >&2
  exit 1
fi
step "Copying the server and its run-time dependencies to $target..." "${PNPM[@]}" --filter @offerkit/server deploy --prod "$target"
cp -R apps/console/dist "$target/console"
# What the folder does not need at run time: pnpm's workspace files, and better-sqlite3's build
# intermediates and sources (its compiled module stays).
rm -f "$target/pnpm-workspace.yaml"
for module in "$target"/node_modules/.pnpm/better-sqlite3@*/node_modules/better-sqlite3; do
  rm -rf "$module/deps" "$module/src" "$module/build/Release/obj" "$module/build/Release/obj.target" "$module/build/Release/sqlite3.a" "$module/build/Release/test_extension.node" "$module/build/deps"
done
echo "Ready: cd $target && node dist/main.js ($(du -sh "$target" | cut -f1))" >&2
