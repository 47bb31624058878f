#!/bin/sh
# Issue 13, "Issuance" (BENCHMARKS.md): in-process JMH rounds of IssuanceBenchmark (refresh grants against java-jwt
# RS256 signing, password grants at 600,000 PBKDF2 iterations), then the real Rotor issuer and Keycloak
# (keycloak-quarkus-dist from Maven Central, kc.sh start-dev) over HTTP with one load driver.
# Unattended; about 12 minutes on 2 cores, build included. Arguments go to dev.rotor.bench.IssuanceBench, e.g.
#   bench/issuance.sh --part http --http-rounds 3
# The report is printed and written to src-test/target/bench-issuance/issuance-report-<start time>.md.
set -eu
cd "$(dirname "$0")/.."
command -v redis-server >/dev/null || echo "no redis-server on the PATH: the fixtures use embedded-redis' binary"
command -v unzip >/dev/null || { echo "unzip is needed to unpack Keycloak (apt-get install -y unzip)"; exit 1; }
exec mvn -B -Pbench -pl src-test -am verify -DskipTests -Dbench.keycloak.skip=false \
    -Dbench.main=dev.rotor.bench.IssuanceBench -Djmh.args="$*"
