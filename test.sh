#!/usr/bin/env bash
# The test command of the README: installs what the tests need and this machine lacks, then runs the whole build.
# Extra arguments go to Maven, e.g. ./test.sh -Dit.test=GlassFishIT
set -euo pipefail
cd "$(dirname "$0")"

fail() {
  echo "test.sh: $*" >&2
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    fail "not root and no sudo: cannot run '$*'"
  fi
}

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
# BrowserLoginIT drives Debian's headless Chromium through its own chromedriver
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)

if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]} with apt-get"
  as_root apt-get update -qq \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" \
    || fail "could not install ${missing[*]}. Install them with apt-get and run ./test.sh again."
fi

[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
  || fail "BrowserLoginIT needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)"
timeout 60 /usr/bin/chromium --headless=new --no-sandbox --disable-gpu --dump-dom about:blank >/dev/null 2>&1 \
  || fail "/usr/bin/chromium is installed but does not start headless; see: timeout 60 /usr/bin/chromium --headless=new --no-sandbox --dump-dom about:blank"

java -version 2>&1 | sed -n 1p
mvn -B -v | sed -n 1p
/usr/bin/chromium --version

# No redis-server is needed: each test starts its own, the one on the PATH or else the binary embedded-redis ships.
exec mvn -B verify "$@"
