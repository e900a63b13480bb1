#!/usr/bin/env bash
# Backup memory benchmark (not a test): the peak resident memory of `ops backup run` as it ships, through the
# ops launcher (bin/ops, whose JVM flags are those of the /usr/local/bin/ops that provisioning installs), and,
# for comparison, with the JVM's own defaults (java -jar ops.jar), on a database of BENCH_DB_MB MiB.
#
#   bench/backup/memory.sh                    # a >= 700 MiB database
#   BENCH_DB_MB=2048 bench/backup/memory.sh   # a bigger one
#   BENCH_RUNS=3 bench/backup/memory.sh       # each configuration three times
#
# Needs what run.sh needs, plus GNU time (/usr/bin/time, Debian package "time"). Leaves nothing behind.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DB_MB=${BENCH_DB_MB:-700}
RUNS=${BENCH_RUNS:-1}
. "$HERE/common.sh"

[ -x /usr/bin/time ] || { echo "memory.sh needs GNU time: apt-get install time" >&2; exit 1; }
log "building the ops jar"
(cd "$ROOT" && mvn -q -B -DskipTests -pl ops -am package) >&2
start_s3proxy
make_operator_key
make_database $(( DB_MB * 1024 * 1024 ))

export VIGIL_BACKUP_S3_ENDPOINT=$ENDPOINT VIGIL_BACKUP_S3_BUCKET=bench VIGIL_BACKUP_S3_PATH_STYLE=true \
    VIGIL_BACKUP_S3_ACCESS_KEY=$BENCH_S3_IDENTITY VIGIL_BACKUP_S3_SECRET_KEY=$BENCH_S3_CREDENTIAL
unset OPS_JAVA_OPTS
RESULTS=()
run=0
measure() { # LABEL COMMAND...: one backup; appends "label | peak RSS | seconds | dump" to RESULTS
    local label=$1; shift
    run=$(( run + 1 ))
    log "$label"
    /usr/bin/time -f '%M %e' -o "$WORK/time.out" "$@" backup run --database "$DB" --prefix "bench$run" \
        --recipient "$WORK/operator.asc" > "$WORK/run.out" 2> "$WORK/run.err" \
        || { cat "$WORK/run.err" >&2; exit 1; }
    read -r rss_kib seconds < "$WORK/time.out"
    RESULTS+=("$(printf '%-44s %10d %10s   %s' "$label" $(( rss_kib / 1024 )) "$seconds" \
        "$(sed -n 's/.*encrypted (\([^)]*\) dump).*/\1/p' "$WORK/run.out")")")
}
for _ in $(seq 1 "$RUNS"); do
    measure "ops launcher (bin/ops)" "$ROOT/bin/ops"
    measure "JVM defaults (java -jar ops.jar)" java -jar "$ROOT/ops/target/ops.jar"
done

echo
echo "== backup memory: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1), database $(( DB_SIZE / 1024 / 1024 )) MiB ($ROWS rows)"
echo "launcher flags: $(sed -n 's/^OPS_JVM_FLAGS=//p' "$ROOT/bin/ops")"
printf '%-44s %10s %10s   %s\n' "run" "peak MiB" "seconds" "dump"
printf '%s\n' "${RESULTS[@]}"
echo "(peak MiB: the JVM's peak resident set size, GNU time's %M; seconds: the whole command)"
