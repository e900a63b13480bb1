# Shared by the backup benchmarks (sourced, not run): a work directory, S3Proxy, a throwaway operator key and a
# Vigil-like database, all removed on exit. The caller sets HERE and ROOT and may set DB_BYTES.
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

# Starts S3Proxy on a free loopback port with bucket "bench"; sets ENDPOINT.
start_s3proxy() {
    log "starting S3Proxy (filesystem backend in $WORK/s3)"
    (cd "$ROOT/backup" && mvn -q -B dependency:copy \
        -Dartifact="org.gaul:s3proxy:$S3PROXY_VERSION:jar:jar-with-dependencies" -DoutputDirectory="$WORK") >&2
    local port=$(( 20000 + RANDOM % 20000 ))
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( 20000 + RANDOM % 20000 )); done
    mkdir -p "$WORK/s3/bench"   # with the filesystem backend a bucket is a directory
    cat > "$WORK/s3proxy.properties" <<PROPS
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$BENCH_S3_IDENTITY
s3proxy.credential=$BENCH_S3_CREDENTIAL
jclouds.provider=filesystem
jclouds.filesystem.basedir=$WORK/s3
PROPS
    java -Xmx512m -DLOG_LEVEL=warn -jar "$WORK/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar" \
        --properties "$WORK/s3proxy.properties" >"$WORK/s3proxy.log" 2>&1 &
    S3PROXY_PID=$!
    ENDPOINT=http://127.0.0.1:$port
    for _ in $(seq 1 300); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
        kill -0 "$S3PROXY_PID" 2>/dev/null || { cat "$WORK/s3proxy.log" >&2; exit 1; }
        sleep 0.2
    done
}

# A throwaway operator key; its public half in $WORK/operator.asc.
make_operator_key() {
    log "generating the operator's key"
    mkdir -m 700 "$GNUPGHOME"
    echo "s2k-count 65536" > "$GNUPGHOME/gpg-agent.conf"   # key generation only; no secret is used here
    gpg --batch --quiet --pinentry-mode loopback --passphrase bench \
        --quick-gen-key "Vigil Bench <bench@vigil.test>" future-default default never 2>/dev/null
    gpg --batch --armor --export bench@vigil.test > "$WORK/operator.asc"
}

# Creates $DB with a Vigil-like pings table of at least $1 bytes; sets ROWS and DB_SIZE.
make_database() {
    local target=$1
    log "creating database $DB of at least $(( target / 1024 / 1024 )) MiB"
    psql -X -q -d postgres -c "CREATE DATABASE $DB"
    psql -X -q -d "$DB" -c "CREATE TABLE pings (check_id uuid NOT NULL, n bigint NOT NULL, created timestamptz NOT NULL,
        kind text NOT NULL, remote_addr text, user_agent text, body bytea, PRIMARY KEY (check_id, n))"
    local batch=500000
    ROWS=0
    while [ "$(psql -X -At -d "$DB" -c "SELECT pg_database_size(current_database())")" -lt "$target" ]; do
        psql -X -q -d "$DB" -c "INSERT INTO pings
            SELECT md5((i % 5000)::text)::uuid, i, timestamptz '2026-01-01' + i * interval '1 second',
                   (ARRAY['success', 'start', 'fail'])[1 + i % 3], '203.0.113.' || (i % 250), 'curl/7.88.1',
                   convert_to('backup finished: ' || i || ' rows, ' || md5(i::text) || E'\nduration ' || (i % 997) || ' ms', 'UTF8')
            FROM generate_series($ROWS + 1, $ROWS + $batch) i"
        ROWS=$(( ROWS + batch ))
    done
    psql -X -q -d "$DB" -c "VACUUM ANALYZE pings"
    DB_SIZE=$(psql -X -At -d "$DB" -c "SELECT pg_database_size(current_database())")
    log "database: $ROWS rows, $(( DB_SIZE / 1024 / 1024 )) MiB"
}
