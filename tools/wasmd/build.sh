#!/usr/bin/env bash
# Builds wasmd at the version go.mod pins (Go's `tool` directive; wasmd's own `replace` lines
# copied, since `go install …@version` refuses a module with replaces) into
# <repo>/.cache/wasmd/<version>/wasmd, once per version, and prints the binary's path.
# libwasmvm comes with the github.com/CosmWasm/wasmvm module: no Rust build.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=$(awk '$1 == "github.com/CosmWasm/wasmd" { print $2; exit }' "$here/go.mod")
out="$here/../../.cache/wasmd/$version/wasmd"
if [ ! -x "$out" ]; then
  mkdir -p "$(dirname "$out")"
  echo "building wasmd $version (once per version)..." >&2
  (cd "$here" && CGO_ENABLED=1 go build -o "$out.partial" github.com/CosmWasm/wasmd/cmd/wasmd)
  mv "$out.partial" "$out"
fi
echo "$(cd "$(dirname "$out")" && pwd)/wasmd"
