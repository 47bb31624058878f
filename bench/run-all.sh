#!/bin/sh
# Every benchmark of BENCHMARKS.md, one after the other, unattended (about 50 minutes on 2 cores). Nothing passes or
# fails on a number; each step prints its figures, and the HTTP steps also write reports under src-test/target/.
#   1. the in-process JMH suite (verifier, token cache, ES256 providers, mirror footprint, revocation burst, issuance)
#   2. revocation latency at two verifier JVMs, and after a burst of 100,000 (real Payara Micro and redis-server)
#   3. the verifiers under wrk: unprotected, filter, mechanism, FilterOnly, Payara MP-JWT
#   4. issuance over HTTP: Rotor's issuer against Keycloak (keycloak-quarkus-dist from Maven Central)
set -eu
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null 2>&1; then
  echo "run-all.sh: installing wrk with apt-get"
  apt-get install -y -qq wrk || { echo "run-all.sh: install wrk (apt-get install wrk) and run again" >&2; exit 1; }
fi
mvn -B -Pbench -pl src-test -am verify -DskipTests -Djmh.args="-f 1 -wi 3 -w 1s -i 5 -r 1s -e IssuanceBenchmark"
mvn -B -pl src-test -am verify -Dit.test=RevocationLatencyBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
mvn -B -Pbench-http -pl src-test -am verify -DskipTests
exec bench/issuance.sh
