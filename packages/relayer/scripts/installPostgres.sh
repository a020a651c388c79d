#!/usr/bin/env bash
# Installs Debian's PostgreSQL server binaries if missing, for the tests that start their own
# throwaway servers (src/testing/startPostgres.ts). Starts no server. Idempotent; run by the
# tests' global setup (test/globalSetup.ts), so a plain `pnpm test` works on a fresh machine.
set -euo pipefail
if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then exit 0; fi
sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
