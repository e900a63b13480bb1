#!/usr/bin/env bash
# Alert latency benchmark (not a test): 100,000 checks, 1,000 of them falling due within the same second, three
# alert sender instances (default settings) in one JVM against one PostgreSQL, a webhook receiver on loopback.
# Prints the delay from each check's alert time to the receiver getting its "down" request: p50, p99, max, and
# whether every check was told exactly once.
#
#   bench/alerts/run.sh
#   BENCH_CHECKS=10000 BENCH_DUE=500 BENCH_SENDERS=1 bench/alerts/run.sh
#
# Needs java 17, mvn and a PostgreSQL as the tests find it (127.0.0.1:5432 with trust, or VIGIL_TEST_DB_URL); the
# database it creates is dropped at the end.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d /tmp/vigil-bench-alerts.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "building the app's classes and resolving their classpath ..." >&2
(cd "$ROOT" && mvn -q -B -pl app -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test) >&2
CP="$ROOT/app/target/classes:$ROOT/app/target/test-classes:$(cat "$WORK/cp.txt")"
javac -d "$WORK/classes" -cp "$CP" "$HERE/BenchAlerts.java"
java -Xmx512m -cp "$WORK/classes:$CP" BenchAlerts
