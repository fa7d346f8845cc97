#!/usr/bin/env bash
# Builds Switchboard and starts the server in the foreground with its embedded defaults:
# SIP on 127.0.0.1:5060 (UDP and TCP), Derby on disk under distribution/target/assembly/data/derby,
# configuration from etc/. Stop it with Ctrl-D or `system:shutdown` at the karaf@root prompt.
#
# A rebuild re-creates the distribution folder; the Derby database (call records, agent states) is kept
# aside during the build and put back, so that nothing recorded is lost by building again.
set -euo pipefail
cd "$(dirname "$0")"

assembly=distribution/target/assembly
kept=$(mktemp -d)
if [ -d "$assembly/data/derby" ]; then
  mv "$assembly/data/derby" "$kept/"
fi
restore() {
  if [ -d "$kept/derby" ]; then
    mkdir -p "$assembly/data"
    rm -rf "$assembly/data/derby"
    mv "$kept/derby" "$assembly/data/"
  fi
  rmdir "$kept" 2>/dev/null || true
}
trap restore EXIT

mvn -B -ntp -DskipTests install "$@"
restore
trap - EXIT

exec "$assembly/bin/karaf"
