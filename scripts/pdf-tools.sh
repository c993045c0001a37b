#!/usr/bin/env bash
# Makes sure poppler's pdfinfo and qpdf are on PATH: the EULA agreement test
# (packages/eula/test/agreement.test.ts) runs both as independent judges of its PDF corpus.
# Installs Debian's poppler-utils and qpdf packages only for a missing tool; prints nothing then.
set -euo pipefail

missing=()
command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing ${missing[*]} from Debian's packages..." >&2
apt-get update -qq >&2
# dpkg's progress lines go to stdout; errors still reach stderr.
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
command -v pdfinfo >/dev/null 2>&1 && command -v qpdf >/dev/null 2>&1
