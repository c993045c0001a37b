#!/usr/bin/env bash
# Prints the path of a Chromium the browser tests can drive, installing Debian's chromium
# package when the machine has none (Playwright's own browser download is not used).
set -euo pipefail

find_chromium() {
  local candidate
  for candidate in "${OFFERKIT_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

if ! find_chromium; then
  echo "Installing Chromium from Debian's packages..." >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  find_chromium
fi
