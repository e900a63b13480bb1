#!/usr/bin/env bash
# Dashboard benchmark: server time of a project's dashboard page and of its JSON refresh, for a project of 1,000
# checks, on the real uber jar and PostgreSQL, against /health measured the same way in the same run (the HTTP
# stack doing no work: the floor of this machine).
#   bench/web/run.sh                        # 1,000 checks, 200 warm-up rounds, 100 measured requests each
#   CHECKS=5000 ROUNDS=200 bench/web/run.sh
# Needs: app/target/vigil.jar (mvn -q -B -DskipTests package), curl, and a PostgreSQL it may create a database on:
# BENCH_PG (psql connection options), default "-h 127.0.0.1 -U postgres".
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CHECKS=${CHECKS:-1000}
WARMUP=${WARMUP:-200}     # Payara's JIT compiles for a long while: measure only once that settles
ROUNDS=${ROUNDS:-100}
BENCH_PG=${BENCH_PG:-"-h 127.0.0.1 -U postgres"}
APP_PORT=18100
base="http://127.0.0.1:$APP_PORT"
work=$(mktemp -d /tmp/vigil-bench-web.XXXXXX)
db=vigil_bench_web_$(date +%s)

[ -f "$root/app/target/vigil.jar" ] || { echo "build first: mvn -q -B -DskipTests package" >&2; exit 2; }
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null
  psql $BENCH_PG -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

psql $BENCH_PG -q -d postgres -c "CREATE DATABASE $db"
host=$(sed -n 's/.*-h \([^ ]*\).*/\1/p' <<<"$BENCH_PG"); user=$(sed -n 's/.*-U \([^ ]*\).*/\1/p' <<<"$BENCH_PG")
VIGIL_DB_URL="jdbc:postgresql://${host:-127.0.0.1}:5432/$db" VIGIL_DB_USER=${user:-postgres} \
  VIGIL_DB_PASSWORD=${PGPASSWORD:-bench} VIGIL_PORT=$APP_PORT VIGIL_PING_PORT=$((APP_PORT + 1)) \
  VIGIL_RUNTIME_DIR="$work/payara" java -Xmx512m -jar "$root/app/target/vigil.jar" > "$work/vigil.log" 2>&1 &
app_pid=$!
for _ in $(seq 600); do curl -sf -m 2 "$base/health" >/dev/null && break; sleep 0.2; done
curl -sf "$base/health" >/dev/null || { cat "$work/vigil.log"; exit 1; }

# a user through the sign-up form (its CSRF token comes with the form) and its emailed link, then its first
# project's address. The bench has no mail server: it gives the pending sign-up a token of its own, straight in the
# database (which keeps only the token's SHA-256 hash), and follows that link with the password chosen at sign-up.
jar="$work/cookies"
csrf=$(curl -sf -c "$jar" -b "$jar" "$base/accounts/signup/" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -n1)
[ -n "$csrf" ] || { echo "no CSRF token in the sign-up form" >&2; exit 1; }
curl -sf -c "$jar" -b "$jar" -o /dev/null "$base/accounts/signup/" \
  --data-urlencode "csrf=$csrf" --data-urlencode "email=bench@example.com" --data-urlencode "password=bench-password"
token="bench-sign-up-$(date +%s%N)"
swapped=$(psql $BENCH_PG -q -tA -d "$db" -c "UPDATE login_tokens SET token_hash = sha256(convert_to('$token', 'UTF8'))
  WHERE purpose = 'signup' AND email = 'bench@example.com' RETURNING 1")
[ "$swapped" = 1 ] || { echo "no pending sign-up for bench@example.com" >&2; exit 1; }
dashboard=$(curl -sf -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$base/accounts/signup/$token/" \
  --data-urlencode "csrf=$csrf" --data-urlencode "password=bench-password")
dashboard=$(curl -sf -c "$jar" -b "$jar" -o /dev/null -w '%{url_effective}' -L "$dashboard")
project=$(sed -n 's|.*/projects/\([0-9a-f-]*\)/checks/.*|\1|p' <<<"$dashboard")
[ -n "$project" ] || { echo "sign-up did not lead to a dashboard (got \"$dashboard\")" >&2; exit 1; }

# the checks, straight into the database: a mix of statuses, tags, simple and cron schedules, last pings
psql $BENCH_PG -q -d "$db" -c "INSERT INTO checks (id, project_id, name, slug, tags, kind, schedule, tz, status,
    last_ping, n_pings)
  SELECT gen_random_uuid(), '$project', 'job ' || g, 'job-' || g, 'team' || (g % 7) || ' env' || (g % 3),
    CASE WHEN g % 3 = 0 THEN 'cron' ELSE 'simple' END, '15 3 * * *', 'Europe/Riga',
    (ARRAY['new', 'up', 'up', 'grace', 'down', 'paused'])[1 + g % 6],
    CASE WHEN g % 6 = 0 THEN NULL ELSE now() - g * interval '37 seconds' END, CASE WHEN g % 6 = 0 THEN 0 ELSE g END
  FROM generate_series(1, $CHECKS) g"

# time to first byte of ROUNDS requests, in ms: "p50 p95 max"
timed() {
  for _ in $(seq "$ROUNDS"); do curl -sf -b "$jar" -o /dev/null -w '%{time_starttransfer}\n' "$1"; done |
    sort -n | awk '{t[NR] = $1 * 1000} END {printf "%.1f %.1f %.1f\n", t[int(NR * 0.5)], t[int(NR * 0.95)], t[NR]}'
}
json="$base/projects/$project/checks/status.json"
page="$base/projects/$project/checks/"
rows=$(curl -sf -b "$jar" "$page" | grep -c 'class="status' || true)
[ "$rows" -ge "$CHECKS" ] || { echo "the dashboard shows $rows checks, not $CHECKS" >&2; exit 1; }
echo "warming up ($WARMUP rounds of each) ..."
for _ in $(seq "$WARMUP"); do curl -sf -b "$jar" -o /dev/null "$page"; curl -sf -b "$jar" -o /dev/null "$json";
  curl -sf -o /dev/null "$base/health"; done

read -r h50 h95 hmax < <(timed "$base/health")
read -r d50 d95 dmax < <(timed "$page")
read -r j50 j95 jmax < <(timed "$json")
# the session lookup and one membership query, nothing of the checks: what every page pays before its own work
read -r s50 s95 smax < <(timed "$base/projects/")
size_page=$(curl -sf -b "$jar" "$page" | wc -c); size_json=$(curl -sf -b "$jar" "$json" | wc -c)
printf '%-28s %8s %8s %8s %10s %s\n' "" "p50 ms" "p95 ms" "max ms" "bytes" "target (p50, over /health)"
printf '%-28s %8s %8s %8s %10s %s\n' "/health (floor)" "$h50" "$h95" "$hmax" "-" "-"
printf '%-28s %8s %8s %8s %10s %s\n' "/projects/ (session only)" "$s50" "$s95" "$smax" "-" "-"
printf '%-28s %8s %8s %8s %10s %s\n' "dashboard, $CHECKS checks" "$d50" "$d95" "$dmax" "$size_page" \
  "under 100 ms: $(awk -v d="$d50" -v h="$h50" 'BEGIN {print (d - h < 100) ? "yes" : "NO"}')"
printf '%-28s %8s %8s %8s %10s %s\n' "status.json, $CHECKS checks" "$j50" "$j95" "$jmax" "$size_json" \
  "under 20 ms: $(awk -v j="$j50" -v h="$h50" 'BEGIN {print (j - h < 20) ? "yes" : "NO"}')"
