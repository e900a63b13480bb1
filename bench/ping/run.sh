#!/usr/bin/env bash
# Ping throughput benchmark: durable pings/s and latency of the real uber jar on PostgreSQL, against a static
# nginx "OK" measured with the same load generator in the same run (the ceiling of this machine).
#   bench/ping/run.sh                      # 1,000 / 10,000 / 100,000 checks, 64 connections, 20 s each
#   CHECKS="1000" SECONDS_PER_RUN=10 WARMUP_SECONDS=30 bench/ping/run.sh
#   LISTENER=servlet bench/ping/run.sh     # pings through /ping/ on the main port instead of the ping listener
# Needs: app/target/vigil.jar (mvn -q -B -DskipTests package), wrk and nginx (installed with apt-get when
# missing), and a PostgreSQL it may create a database on: BENCH_PG (psql connection options), default
# "-h 127.0.0.1 -U postgres".
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CHECKS=${CHECKS:-"1000 10000 100000"}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-30}   # Payara's JIT compiles for a long while: measure only once that settles
CONNECTIONS=${CONNECTIONS:-64}
BENCH_PG=${BENCH_PG:-"-h 127.0.0.1 -U postgres"}
APP_PORT=18000
PING_PORT=18001
LISTENER=${LISTENER:-ping}   # ping: the dedicated ping listener (VIGIL_PING_PORT); servlet: the main port's /ping/
case "$LISTENER" in ping) TARGET_PORT=$PING_PORT ;; servlet) TARGET_PORT=$APP_PORT ;;
  *) echo "LISTENER must be ping or servlet, not $LISTENER" >&2; exit 2 ;; esac
NGINX_PORT=18080
work=$(mktemp -d /tmp/vigil-bench-ping.XXXXXX)
db=vigil_bench_$(date +%s)

[ -f "$root/app/target/vigil.jar" ] || { echo "build first: mvn -q -B -DskipTests package" >&2; exit 2; }
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "installing $tool ..."; apt-get install -y -qq "$tool" >/dev/null; }
done

app_pid="" nginx_started=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  [ -n "$nginx_started" ] && nginx -p "$work" -c "$work/nginx.conf" -s stop 2>/dev/null
  psql $BENCH_PG -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

psql $BENCH_PG -q -d postgres -c "CREATE DATABASE $db"
host=$(sed -n 's/.*-h \([^ ]*\).*/\1/p' <<<"$BENCH_PG"); user=$(sed -n 's/.*-U \([^ ]*\).*/\1/p' <<<"$BENCH_PG")
VIGIL_DB_URL="jdbc:postgresql://${host:-127.0.0.1}:5432/$db" VIGIL_DB_USER=${user:-postgres} \
  VIGIL_DB_PASSWORD=${PGPASSWORD:-bench} VIGIL_PORT=$APP_PORT VIGIL_PING_PORT=$PING_PORT VIGIL_RUNTIME_DIR="$work/payara" \
  java -Xmx512m -jar "$root/app/target/vigil.jar" > "$work/vigil.log" 2>&1 &
app_pid=$!
for _ in $(seq 600); do curl -sf -m 2 "http://127.0.0.1:$APP_PORT/health" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$APP_PORT/health" >/dev/null || { cat "$work/vigil.log"; exit 1; }

cat > "$work/nginx.conf" <<NGINX
worker_processes auto; pid $work/nginx.pid; error_log $work/nginx-error.log;
events { worker_connections 4096; }
http { access_log off; server { listen 127.0.0.1:$NGINX_PORT; location / { return 200 "OK"; } } }
NGINX
nginx -p "$work" -c "$work/nginx.conf"; nginx_started=1

cat > "$work/ping.lua" <<'LUA'
local ids = {}
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
math.randomseed(42)
request = function() return wrk.format("GET", "/ping/" .. ids[math.random(#ids)]) end
LUA

# CPU seconds (user + system) used so far by the app and by the benchmark database's server processes: per-ping cost
# figures that hold up better than req/s when the machine is busy with other work
cpu_of() { awk '{s += $14 + $15} END {printf "%.2f", s / '"$(getconf CLK_TCK)"'}' "$@" 2>/dev/null || echo 0; }
app_cpu() { cpu_of "/proc/$app_pid/stat"; }
db_cpu() {
  local pids; pids=$(psql $BENCH_PG -qAt -d postgres -c "SELECT pid FROM pg_stat_activity WHERE datname = '$db'
    OR backend_type IN ('walwriter', 'checkpointer', 'background writer')")
  cpu_of $(for p in $pids; do echo "/proc/$p/stat"; done)
}

measure() {   # measure URL [lua] [seconds] -> "req/s p50 p99 non2xx"
  local out; out=$(IDS="$work/ids.txt" wrk -t2 -c"$CONNECTIONS" -d"${3:-$SECONDS_PER_RUN}s" --latency ${2:+-s "$2"} "$1")
  awk '/Requests\/sec/ {r=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {e=$NF} END {printf "%s %s %s %s\n", r, p50, p99, e+0}' <<<"$out"
}

read -r ceiling n50 n99 _ < <(measure "http://127.0.0.1:$NGINX_PORT/")
printf 'nginx static OK (ceiling): %8.0f req/s   p50 %-8s p99 %s\n' "$ceiling" "$n50" "$n99"

# each listener's own ceiling: a ping URL rejected at once (404), so no database work; the gap to nginx is the HTTP
# stack's
for port in $APP_PORT $PING_PORT; do
  name=$([ "$port" = "$APP_PORT" ] && echo "servlet /ping/ on the main port" || echo "ping listener")
  measure "http://127.0.0.1:$port/ping/not-a-uuid" "" "$WARMUP_SECONDS" >/dev/null
  read -r bare b50 b99 _ < <(measure "http://127.0.0.1:$port/ping/not-a-uuid")
  printf 'vigil %s, rejected URL (no database): %8.0f req/s   p50 %-8s p99 %s\n' "$name" "$bare" "$b50" "$b99"
done
echo "pings below go to the $LISTENER listener (port $TARGET_PORT)"

psql $BENCH_PG -q -d "$db" <<SQL
INSERT INTO users (email) VALUES ('bench@example.com');
INSERT INTO projects (id, name, owner_id, ping_key, badge_key, check_limit)
  VALUES ('00000000-0000-4000-8000-000000000001', 'bench', 1, 'benchkey', 'benchbadge', 1000000);
SQL
have=0
for n in $CHECKS; do
  # checks that are already up, as in a running service: the measured pings are regular ones, not each check's
  # first (which flips it from new to up and gives the alert sender work)
  psql $BENCH_PG -q -d "$db" -c "INSERT INTO checks (id, project_id, name, slug, status, last_ping, alert_after)
    SELECT gen_random_uuid(), '00000000-0000-4000-8000-000000000001', 'c' || g, 'c' || g, 'up', now(),
      now() + interval '25 hours'
    FROM generate_series($((have + 1)), $n) g"
  have=$n
  # settle the mass insert (visibility map, statistics, dirty pages) so that it does not bill the measured pings
  psql $BENCH_PG -q -d "$db" -c "VACUUM ANALYZE checks" -c "CHECKPOINT"
  psql $BENCH_PG -qAt -d "$db" -c "SELECT id FROM checks" > "$work/ids.txt"
  measure "http://127.0.0.1:$TARGET_PORT" "$work/ping.lua" "$WARMUP_SECONDS" >/dev/null   # warm-up: JIT, pool, caches
  before=$(psql $BENCH_PG -qAt -d "$db" -c "SELECT coalesce(sum(n_pings), 0) FROM checks")
  app0=$(app_cpu) db0=$(db_cpu)
  read -r rps p50 p99 errors < <(measure "http://127.0.0.1:$TARGET_PORT" "$work/ping.lua")
  app1=$(app_cpu) db1=$(db_cpu)
  after=$(psql $BENCH_PG -qAt -d "$db" -c "SELECT coalesce(sum(n_pings), 0) FROM checks")
  durable=$(( (after - before) / SECONDS_PER_RUN ))
  printf 'vigil, %6d checks: %8.0f req/s, %6d durable pings/s   p50 %-8s p99 %-8s non-2xx %s   %.1f %% of nginx\n' \
    "$n" "$rps" "$durable" "$p50" "$p99" "$errors" "$(awk -v a="$durable" -v b="$ceiling" 'BEGIN {print 100 * a / b}')"
  awk -v a0="$app0" -v a1="$app1" -v d0="$db0" -v d1="$db1" -v n="$((after - before))" 'BEGIN {
    printf "               CPU per ping: app %.0f us, database %.0f us\n", 1e6 * (a1 - a0) / n, 1e6 * (d1 - d0) / n }'
done
