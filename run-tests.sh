#!/usr/bin/env bash
# Runs Switchboard's whole test suite: unit tests of every bundle, then the Pax Exam integration tests that
# start the assembled distribution and place real calls with sipp on 127.0.0.1.
# Installs what the tests need first: sipp (Debian package sip-tester), and Debian's Chromium with its
# chromedriver for the web console's browser test (no browser is downloaded at test time), and sox, which the
# recording tests use to check that a recording is a WAV file any player reads.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v sipp >/dev/null 2>&1 || missing+=(sip-tester)
command -v sox >/dev/null 2>&1 || missing+=(sox)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "run-tests: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

exec mvn -B -ntp install "$@"
