#!/usr/bin/env bash
# Backup benchmark (not a test): Vigil's backup (pg_dump -Fc | OpenPGP in the JVM | S3 multipart upload)
# against the shell pipeline pg_dump -Fc | gpg --encrypt | uploader, on the same machine, the same database
# and the same S3Proxy. Prints throughput (MB/s of dump) and the Vigil JVM's peak memory under -Xmx256m.
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
S3PROXY_VERSION=${S3PROXY_VERSION:-4.1.0}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export BENCH_S3_IDENTITY=bench-identity BENCH_S3_CREDENTIAL=bench-credential

WORK=$(mktemp -d /tmp/vigil-bench.XXXXXX)
DB=vigil_bench_$(date +%s)
S3PROXY_PID=
export GNUPGHOME=$WORK/gnupg

cleanup() {
    if [ -n "$S3PROXY_PID" ]; then kill "$S3PROXY_PID" 2>/dev/null || true; wait "$S3PROXY_PID" 2>/dev/null || true; fi
    psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
    gpgconf --homedir "$GNUPGHOME" --kill all >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

log "building vigil-backup and resolving its classpath"
# from the root, so that the sibling modules it needs (openpgp, s3, ...) come from the reactor; backup is built
# last, so its classpath is the one left in cp.txt
(cd "$ROOT" && mvn -q -B -DskipTests -pl backup -am compile dependency:build-classpath \
    -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime)
(cd "$ROOT/backup" && mvn -q -B dependency:copy \
    -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" -DoutputDirectory="$WORK")
CP="$ROOT/backup/target/classes:$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/classes"
javac -nowarn -cp "$CP" -d "$WORK/classes" "$HERE/BenchBackup.java" "$HERE/BenchUpload.java"
CP="$WORK/classes:$CP"

log "starting S3Proxy (filesystem backend in $WORK/s3)"
PORT=$(( 20000 + RANDOM % 20000 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$(( 20000 + RANDOM % 20000 )); done
mkdir -p "$WORK/s3/bench"   # with the filesystem backend a bucket is a directory
cat > "$WORK/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$BENCH_S3_IDENTITY
s3proxy.credential=$BENCH_S3_CREDENTIAL
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3
PROPS
java -Xmx512m -DLOG_LEVEL=warn -jar "$WORK/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar" \
    --properties "$WORK/s3proxy.properties" >"$WORK/s3proxy.log" 2>&1 &
S3PROXY_PID=$!
ENDPOINT=http://127.0.0.1:$PORT
for _ in $(seq 1 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
    kill -0 "$S3PROXY_PID" 2>/dev/null || { cat "$WORK/s3proxy.log" >&2; exit 1; }
    sleep 0.2
done

log "generating the operator's key"
mkdir -m 700 "$GNUPGHOME"
echo "s2k-count 65536" > "$GNUPGHOME/gpg-agent.conf"   # key generation only; no secret is used here
gpg --batch --quiet --pinentry-mode loopback --passphrase bench \
    --quick-gen-key "Vigil Bench <bench@vigil.test>" future-default default never 2>/dev/null
gpg --batch --armor --export bench@vigil.test > "$WORK/operator.asc"

log "creating database $DB of at least $DB_GB GiB"
psql -X -q -d postgres -c "CREATE DATABASE $DB"
psql -X -q -d "$DB" -c "CREATE TABLE pings (check_id uuid NOT NULL, n bigint NOT NULL, created timestamptz NOT NULL,
    kind text NOT NULL, remote_addr text, user_agent text, body bytea, PRIMARY KEY (check_id, n))"
TARGET=$(( DB_GB * 1024 * 1024 * 1024 ))
BATCH=1000000
ROWS=0
while [ "$(psql -X -At -d "$DB" -c "SELECT pg_database_size(current_database())")" -lt "$TARGET" ]; do
    psql -X -q -d "$DB" -c "INSERT INTO pings
        SELECT md5((i % 5000)::text)::uuid, i, timestamptz '2026-01-01' + i * interval '1 second',
               (ARRAY['success', 'start', 'fail'])[1 + i % 3], '203.0.113.' || (i % 250), 'curl/7.88.1',
               convert_to('backup finished: ' || i || ' rows, ' || md5(i::text) || E'\nduration ' || (i % 997) || ' ms', 'UTF8')
        FROM generate_series($ROWS + 1, $ROWS + $BATCH) i"
    ROWS=$(( ROWS + BATCH ))
done
psql -X -q -d "$DB" -c "VACUUM ANALYZE pings"
DB_SIZE=$(psql -X -At -d "$DB" -c "SELECT pg_database_size(current_database())")
log "database: $ROWS rows, $(( DB_SIZE / 1024 / 1024 )) MiB"

log "baseline: pg_dump -Fc > /dev/null (the ceiling for both)"
T0=$(now)
DUMP_BYTES=$(pg_dump -Fc -d "$DB" | wc -c)
T1=$(now)
BASE_S=$(elapsed "$T0" "$T1")

log "vigil: BackupRunner in a JVM with -Xmx256m"
T0=$(now)
java -Xmx256m -cp "$CP" BenchBackup "$ENDPOINT" bench "$WORK/operator.asc" "$DB" > "$WORK/vigil.out"
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
echo "vigil JVM (-Xmx256m): heap peak $(sed -n 's/^vigil_heap_peak_mb=//p' "$WORK/vigil.out") MiB, resident peak (VmHWM) $(sed -n 's/^vigil_rss_peak_mb=//p' "$WORK/vigil.out") MiB"
echo "encrypted sizes: vigil $(sed -n 's/^vigil_encrypted_bytes=//p' "$WORK/vigil.out") bytes, pipeline $(sed -n 's/^pipeline_encrypted_bytes=//p' "$WORK/pipeline.out") bytes"
