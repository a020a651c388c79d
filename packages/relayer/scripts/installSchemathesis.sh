#!/usr/bin/env bash
# Installs schemathesis, pinned, into packages/relayer/.cache/schemathesis (git-ignored) for the
# API fuzz test (src/api/fuzz.test.ts). Idempotent: does nothing when that version is there.
# The fuzz test calls it before it runs, so a plain `pnpm test` works on a fresh clone.
set -euo pipefail
version=4.32.5
dir="$(cd "$(dirname "$0")/.." && pwd)/.cache/schemathesis"
if "$dir/bin/schemathesis" --version 2>/dev/null | grep -qx "schemathesis, version $version"; then
  exit 0
fi
rm -rf "$dir"
python3 -m venv "$dir"
"$dir/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
"$dir/bin/schemathesis" --version
