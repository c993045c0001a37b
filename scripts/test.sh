#!/usr/bin/env bash
# Installs everything and runs every check: type checks, lint and all test suites, the
# database suites on SQLite and on PostgreSQL, the browser tests in Chromium, the EULA agreement
# test against pdfinfo and qpdf. Without OFFERKIT_TEST_DATABASE_URL it starts a throwaway
# PostgreSQL; PostgreSQL, Chromium, poppler-utils and qpdf come from Debian's packages when
# missing. Under CI=true the absence of PostgreSQL or Chromium fails the run; the agreement test
# fails by itself, CI or not, when its tools are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

started_postgres=""
cleanup() {
  if [ -n "$started_postgres" ]; then bash scripts/postgres.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [ -z "${OFFERKIT_TEST_DATABASE_URL:-}" ]; then
  # A server that was already up is someone else's: it is used, and left running.
  bash scripts/postgres.sh running || started_postgres=1
  if url=$(bash scripts/postgres.sh start); then
    export OFFERKIT_TEST_DATABASE_URL="$url"
  elif [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL could not be started, and CI requires the PostgreSQL suites." >&2
    exit 1
  else
    echo "PostgreSQL is not available: the database suites run on SQLite only." >&2
  fi
fi

if chromium=$(bash scripts/chromium.sh); then
  export OFFERKIT_CHROMIUM="$chromium"
elif [ "${CI:-}" = "true" ]; then
  echo "Chromium could not be installed, and CI requires the browser tests." >&2
  exit 1
else
  echo "Chromium is not available: the browser tests will fail and say so." >&2
fi

# The EULA agreement test fails with its own message when the tools are missing.
bash scripts/pdf-tools.sh || echo "pdfinfo and qpdf could not be installed: the EULA agreement test will fail and say so." >&2

status=0
"${PNPM[@]}" exec turbo run typecheck lint --concurrency=2 --continue || status=$?
"${PNPM[@]}" exec turbo run test --concurrency=2 --continue -- --reporter=default --reporter=json --outputFile=.vitest-report.json || status=$?
node scripts/test-summary.mjs || status=1
exit $status
