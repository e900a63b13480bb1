#!/usr/bin/env bash
# Backup benchmark (not a test): Vigil's backup (pg_dump -Fc | OpenPGP in the JVM | S3 multipart upload)
# against the shell pipeline pg_dump -Fc | gpg --encrypt | uploader, on the same machine, the same database
# and the same S3Proxy. Prints throughput (MB/s of dump) and the Vigil JVM's peak memory under the JVM flags
# of the ops launcher (bin/ops). memory.sh measures the memory of the ops command itself.
#
#   bench/backup/run.sh                 # a >= 1 GiB database
#   BENCH_DB_GB=3 bench/backup/run.sh   # a bigger one
#
# Needs: a PostgreSQL server it may create a database on (libpq environment: PGHOST, PGPORT, PGUSER,
# PGPASSWORD; default 127.0.0.1 as postgres), pg_dump, gpg, java 17, mvn, and a few GB in /tmp.
# Leaves nothing behind: the database, S3Proxy, its data and the GnuPG home are removed on exit.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DB_GB=${BENCH_DB_GB:-1}
. "$HERE/common.sh"

log "building vigil-backup and resolving its classpath"
# from the root, so that the sibling modules it needs (openpgp, s3, ...) come from the reactor; backup is built
# last, so its classpath is the one left in cp.txt
(cd "$ROOT" && mvn -q -B -DskipTests -pl backup -am compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime)
CP="$ROOT/backup/target/classes:$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/classes"
javac -nowarn -cp "$CP" -d "$WORK/classes" "$HERE/BenchBackup.java" "$HERE/BenchUpload.java"
CP="$WORK/classes:$CP"

start_s3proxy
make_operator_key
make_database $(( DB_GB * 1024 * 1024 * 1024 ))

log "baseline: pg_dump -Fc > /dev/null (the ceiling for both)"
T0=$(now)
DUMP_BYTES=$(pg_dump -Fc -d "$DB" | wc -c)
T1=$(now)
BASE_S=$(elapsed "$T0" "$T1")

OPS_JVM_FLAGS=$(sed -n 's/^OPS_JVM_FLAGS="\(.*\)"$/\1/p' "$ROOT/bin/ops")
log "vigil: BackupRunner in a JVM with the launcher's flags ($OPS_JVM_FLAGS)"
T0=$(now)
java $OPS_JVM_FLAGS -cp "$CP" BenchBackup "$ENDPOINT" bench "$WORK/operator.asc" "$DB" > "$WORK/vigil.out"
T1=$(now)
VIGIL_WALL=$(elapsed "$T0" "$T1")
VIGIL_S=$(sed -n 's/^vigil_seconds=//p' "$WORK/vigil.out")
VIGIL_DUMP=$(sed -n 's/^vigil_dump_bytes=//p' "$WORK/vigil.out")

log "pipeline: pg_dump -Fc | gpg --encrypt | uploader (-Xmx256m)"
T0=$(now)
pg_dump -Fc -d "$DB" \
    | gpg --batch --quiet --trust-model always --compress-algo none --cipher-algo AES256 \
          --recipient bench@vigil.test --encrypt \
    | java -Xmx256m -cp "$CP" BenchUpload "$ENDPOINT" bench "pipeline/$DB.dump.gpg" > "$WORK/pipeline.out"
T1=$(now)
PIPE_S=$(elapsed "$T0" "$T1")

mb_s() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }
echo
echo "== backup benchmark: $(nproc) cores, PostgreSQL $(psql -X -At -d "$DB" -c 'SHOW server_version' | cut -d' ' -f1), database $(( DB_SIZE / 1024 / 1024 )) MiB ($ROWS rows)"
printf '%-44s %10s %10s %10s\n' "run" "dump MB" "seconds" "MB/s"
printf '%-44s %10.1f %10s %10s\n' "pg_dump -Fc > /dev/null (ceiling)" "$(awk -v b="$DUMP_BYTES" 'BEGIN{print b/1e6}')" "$BASE_S" "$(mb_s "$DUMP_BYTES" "$BASE_S")"
printf '%-44s %10.1f %10s %10s\n' "vigil backup (pg_dump|OpenPGP|S3, in-JVM)" "$(awk -v b="$VIGIL_DUMP" 'BEGIN{print b/1e6}')" "$VIGIL_S" "$(mb_s "$VIGIL_DUMP" "$VIGIL_S")"
printf '%-44s %10.1f %10s %10s\n' "pg_dump -Fc | gpg --encrypt | uploader" "$(awk -v b="$DUMP_BYTES" 'BEGIN{print b/1e6}')" "$PIPE_S" "$(mb_s "$DUMP_BYTES" "$PIPE_S")"
echo "(vigil's seconds are its own measure, from the start of the run to the manifest; the whole JVM took $VIGIL_WALL s)"
echo
echo "vigil JVM ($OPS_JVM_FLAGS): heap peak $(sed -n 's/^vigil_heap_peak_mb=//p' "$WORK/vigil.out") MiB, resident peak (VmHWM) $(sed -n 's/^vigil_rss_peak_mb=//p' "$WORK/vigil.out") MiB"
echo "encrypted sizes: vigil $(sed -n 's/^vigil_encrypted_bytes=//p' "$WORK/vigil.out") bytes, pipeline $(sed -n 's/^pipeline_encrypted_bytes=//p' "$WORK/pipeline.out") bytes"
