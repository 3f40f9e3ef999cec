#!/usr/bin/env bash
# The benchmarks at scale (issue 4; issue 7 item 3), on a database of 1,000,000 filings made by
# `zairyu seed applications`, on SQLite and on PostgreSQL. Each part rewrites its section of
# docs/PERFORMANCE.md (between its markers). Loopback only; every process it starts is stopped on
# exit. `bench/run.sh all` runs the top page benchmark and then this.
#
# Usage: bench/scale.sh pages|list|mix|all
#   pages  the top page, the procedure list and the application list (of the user with 10,000
#          filings) beside a bare axum handler returning the same bytes, with wrk (SQLite)
#   list   the application list and its searches for that user: the use case in-process
#          (list-bench, p99 and CPU per query, with the query plans) and the page over HTTP (wrk,
#          one connection, so the latency is the server's time), on SQLite and PostgreSQL
#   mix    the goose journey mix at 10 times the national peak hour, on SQLite and PostgreSQL,
#          with the server's CPU time and peak memory
#
# Environment (all optional):
#   CARGO_TARGET_DIR    where release binaries are built                          [target]
#   SEED_DIR            where the seeded SQLite database is kept between runs     [$CARGO_TARGET_DIR/bench-seed]
#   POSTGRES_URL        an administrative connection; the database zairyu_bench_scale is made there
#                       (and kept between runs)          [postgres://postgres@127.0.0.1:5432/postgres]
#   APPLICATIONS, USERS the seeded size                                           [1000000, 10000]
#   DURATION            seconds per wrk run                                       [10]
#   LIST_N              iterations per query in list-bench                        [200]
#   MIX_TIME            seconds of the measured mix, per database                 [120]
#   MIX_USERS           simulated users                                           [60]
#   MIX_RATE            requests per second the mix is held to (10 × peak)        [340]
#   NO_BUILD=1          use the binaries already built
#   RESEED=1            seed again even when seeded databases of this size exist
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PART="${1:-}"
case "$PART" in pages | list | mix | all) ;; *)
    echo "usage: bench/scale.sh pages|list|mix|all" >&2
    exit 2
    ;;
esac

TARGET_DIR="${CARGO_TARGET_DIR:-target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
BIN="$TARGET_DIR/release"
SEED_DIR="${SEED_DIR:-$TARGET_DIR/bench-seed}"
POSTGRES_URL="${POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
PG_DB=zairyu_bench_scale
PG_URL="${POSTGRES_URL%/*}/$PG_DB"
APPLICATIONS="${APPLICATIONS:-1000000}"
USERS="${USERS:-10000}"
DURATION="${DURATION:-10}"
LIST_N="${LIST_N:-200}"
MIX_TIME="${MIX_TIME:-120}"
MIX_USERS="${MIX_USERS:-60}"
MIX_RATE="${MIX_RATE:-340}"
PORT=39090
BARE_PORT=39091
SMTP_PORT=39125
# The password of the synthetic users: not a secret (the data is synthetic and lives on loopback).
PASSWORD="Seed-Bench-2026"
DOC="$ROOT/docs/PERFORMANCE.md"
COMMAND="bench/scale.sh $PART"
for v in CARGO_TARGET_DIR APPLICATIONS USERS DURATION LIST_N MIX_TIME MIX_USERS MIX_RATE NO_BUILD RESEED; do
    if [[ -n "${!v:-}" ]]; then COMMAND="$v=${!v} $COMMAND"; fi
done

log() { printf '[scale %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# --- tools and build ---------------------------------------------------------------------------
need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk; then
    log "installing wrk"
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
need curl || { echo "curl is needed" >&2; exit 2; }
need psql || { echo "psql is needed (PostgreSQL client)" >&2; exit 2; }
need sqlite3 || { echo "sqlite3 is needed (for the seeded users' IDs)" >&2; exit 2; }

RUSTC_AT_START=$(pgrep -c -x rustc || true)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
if [[ -z "${NO_BUILD:-}" ]]; then
    log "building release binaries into $TARGET_DIR"
    CARGO_TARGET_DIR="$TARGET_DIR" cargo build --release --locked -q \
        -p zairyu -p zairyu-bench-bare -p zairyu-bench-forms
    (cd bench/mix && CARGO_TARGET_DIR="$TARGET_DIR" cargo build --release --locked -q)
fi
for b in zairyu bare-top list-bench mix; do
    [[ -x "$BIN/$b" ]] || { echo "missing $BIN/$b (build first or unset NO_BUILD)" >&2; exit 2; }
done

# --- processes -----------------------------------------------------------------------------------
WORK="$(mktemp -d)"
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in $PORT $BARE_PORT $SMTP_PORT; do
    port_free "$p" || { echo "port $p on 127.0.0.1 is in use" >&2; exit 2; }
done

wait_up() { # URL PID LOG
    for _ in $(seq 1 600); do
        if curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null; then return 0; fi
        kill -0 "$2" 2>/dev/null || { echo "server exited; its log:" >&2; tail -20 "$3" >&2; exit 1; }
        sleep 0.1
    done
    echo "no answer from $1 within 60 s" >&2
    exit 1
}

stop() { # PID
    kill "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    local keep=()
    for p in "${PIDS[@]}"; do [[ "$p" != "$1" ]] && keep+=("$p"); done
    PIDS=("${keep[@]}")
}

# The server on one of the seeded databases. Rate limits are lifted (every simulated person comes
# from 127.0.0.1) and mail goes to the mix's sink; everything else is the production default,
# argon2id cost included.
SERVER_PID=""
start_server() { # sqlite|postgres
    local data="$WORK/data-$1"
    mkdir -p "$data"
    cat >"$WORK/zairyu.toml" <<EOF
addr = "127.0.0.1:$PORT"
smtp_url = "smtp://127.0.0.1:$SMTP_PORT"
postal_autoload = false

[rate_limits]
login_per_ip = { max = 100000000, window_secs = 600 }
mail_per_ip = { max = 100000000, window_secs = 3600 }
mail_per_target = { max = 100000000, window_secs = 3600 }
EOF
    if [[ "$1" == sqlite ]]; then
        ZAIRYU_CONFIG="$WORK/zairyu.toml" "$BIN/zairyu" serve --data-dir "$SEED_DIR/sqlite" \
            >"$WORK/server-$1.log" 2>&1 &
    else
        ZAIRYU_CONFIG="$WORK/zairyu.toml" ZAIRYU_DATABASE_URL="$PG_URL" ZAIRYU_SECRET_KEY="$(printf '5a%.0s' {1..32})" \
            "$BIN/zairyu" serve --data-dir "$data" >"$WORK/server-$1.log" 2>&1 &
    fi
    SERVER_PID=$!
    PIDS+=("$SERVER_PID")
    wait_up "http://127.0.0.1:$PORT/healthz" "$SERVER_PID" "$WORK/server-$1.log"
}

# --- the seeded databases --------------------------------------------------------------------------
SIZE="$APPLICATIONS applications, $USERS users"
seed_sqlite() {
    local marker="$SEED_DIR/sqlite.size"
    if [[ -z "${RESEED:-}" && -f "$marker" && "$(cat "$marker")" == "$SIZE" ]]; then
        log "SQLite: seeded database in $SEED_DIR/sqlite kept ($SIZE)"
        return
    fi
    rm -rf "$SEED_DIR/sqlite" "$marker"
    mkdir -p "$SEED_DIR/sqlite"
    log "SQLite: seeding $SIZE"
    ZAIRYU_POSTAL_AUTOLOAD=false "$BIN/zairyu" seed applications --data-dir "$SEED_DIR/sqlite" \
        --users "$USERS" --applications "$APPLICATIONS" --password "$PASSWORD" \
        --login-ids "$SEED_DIR/login-ids.txt" >"$SEED_DIR/sqlite-seed.txt"
    echo "$SIZE" >"$marker"
}
seed_postgres() {
    local marker="$SEED_DIR/postgres.size"
    if [[ -z "${RESEED:-}" && -f "$marker" && "$(cat "$marker")" == "$SIZE" ]] &&
        psql -qtA "$PG_URL" -c "SELECT 1" >/dev/null 2>&1; then
        log "PostgreSQL: seeded database $PG_DB kept ($SIZE)"
        return
    fi
    rm -f "$marker"
    psql -q "$POSTGRES_URL" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" -c "CREATE DATABASE $PG_DB" >/dev/null
    mkdir -p "$WORK/seed-pg"
    log "PostgreSQL: seeding $SIZE"
    ZAIRYU_DATABASE_URL="$PG_URL" ZAIRYU_POSTAL_AUTOLOAD=false "$BIN/zairyu" seed applications \
        --data-dir "$WORK/seed-pg" --users "$USERS" --applications "$APPLICATIONS" \
        --password "$PASSWORD" >"$SEED_DIR/postgres-seed.txt"
    echo "$SIZE" >"$marker"
}
mkdir -p "$SEED_DIR"
seed_sqlite
seed_postgres
HEAVY=$(awk '/^heavy user:/ {print $3; exit}' "$SEED_DIR/sqlite-seed.txt")
[[ -n "$HEAVY" ]] || { echo "no heavy user in $SEED_DIR/sqlite-seed.txt" >&2; exit 1; }

# Logs a cookie jar in as a user; prints the Cookie header value.
login_cookie() { # LOGIN_ID JAR
    local page token
    page=$(curl -sS -c "$2" -b "$2" "http://127.0.0.1:$PORT/login")
    token=$(grep -o 'name="csrf" value="[^"]*"' <<<"$page" | head -1 | sed 's/.*value="//; s/"$//')
    local status
    status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$2" -b "$2" \
        --data-urlencode "csrf=$token" --data-urlencode "login_id=$1" \
        --data-urlencode "password=$PASSWORD" "http://127.0.0.1:$PORT/login")
    [[ "$status" == 303 ]] || { echo "login of $1 answered $status" >&2; exit 1; }
    awk '!/^#/ || /^#HttpOnly_/ {sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7}' "$2"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Every postgres process on the machine (the server's backends and its background workers).
postgres_ticks() {
    local total=0 f
    for f in /proc/[0-9]*/stat; do
        if grep -q ' (postgres) ' "$f" 2>/dev/null; then
            total=$((total + $(awk '{print $14 + $15}' "$f" 2>/dev/null || echo 0)))
        fi
    done
    echo "$total"
}
CLK_TCK=$(getconf CLK_TCK)
peak_rss_mb() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

replace_section() { # NAME FILE
    if grep -q "<!-- $1:start -->" "$DOC" && grep -q "<!-- $1:end -->" "$DOC"; then
        awk -v f="$2" -v s="<!-- $1:start -->" -v e="<!-- $1:end -->" '
            $0 == s {print; while ((getline l < f) > 0) print l; skip = 1; next}
            $0 == e {skip = 0}
            !skip {print}' "$DOC" >"$WORK/doc.md"
        cat "$WORK/doc.md" >"$DOC"
    else
        echo "$DOC has no $1 markers; results follow" >&2
    fi
    cat "$2"
}

machine() {
    local cpu mem commit
    cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
    mem=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
    commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
    if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then commit="$commit (with uncommitted changes)"; fi
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit \`$commit\`"
    echo "- Machine: $(nproc) cores ($cpu), $mem; load average at the start $LOAD_START, now $(cut -d' ' -f1-3 /proc/loadavg); $RUSTC_AT_START \`rustc\` processes of other work were running when the run started (the machine is shared)"
    echo "- Command: \`$COMMAND\`"
    echo "- Data: $(grep -E '^(applications|users|history entries):' "$SEED_DIR/sqlite-seed.txt" | tr '\n' ';' | sed 's/;$//; s/;/, /g'); the user measured (\`$HEAVY\`) has 10,000 filings; seeding took $(awk '/^seconds:/ {print $2}' "$SEED_DIR/sqlite-seed.txt") s on SQLite and $(awk '/^seconds:/ {print $2}' "$SEED_DIR/postgres-seed.txt" 2>/dev/null || echo '?') s on PostgreSQL"
}

# --- pages -----------------------------------------------------------------------------------------
part_pages() {
    log "pages: starting zairyu on the seeded SQLite database"
    start_server sqlite
    local cookie typical base="http://127.0.0.1:$PORT"
    cookie=$(login_cookie "$HEAVY" "$WORK/pages.jar")
    # A typical user too: about a hundred filings (the first of the seeded foreign nationals).
    typical=$(login_cookie "$(head -1 "$SEED_DIR/login-ids.txt")" "$WORK/pages-typical.jar")
    curl -sS -o "$WORK/p-top.html" -H 'Accept-Language: ja' "$base/"
    curl -sS -o "$WORK/p-procedures.html" -H 'Accept-Language: ja' "$base/procedures"
    curl -sS -o "$WORK/p-applications.html" -H 'Accept-Language: ja' -H "Cookie: $cookie" "$base/applications"
    curl -sS -o "$WORK/p-typical.html" -H 'Accept-Language: ja' -H "Cookie: $typical" "$base/applications"
    for f in applications typical; do
        grep -q 'href="/applications/' "$WORK/p-$f.html" || { echo "the application list ($f) shows no filings" >&2; exit 1; }
    done
    "$BIN/bare-top" "127.0.0.1:$BARE_PORT" "$WORK/p-top.html" \
        "/procedures=$WORK/p-procedures.html" "/applications=$WORK/p-applications.html" \
        "/typical=$WORK/p-typical.html" >"$WORK/bare.log" 2>&1 &
    local bare=$!
    PIDS+=("$bare")
    wait_up "http://127.0.0.1:$BARE_PORT/" "$bare" "$WORK/bare.log"
    {
        echo "### Single pages against a bare handler"
        echo
        machine
        echo "- Load: \`wrk -t2 -c32 --timeout 5s -H \"Accept-Language: ja\" --latency -d${DURATION}s\` per page and server, zairyu first, after a 3 s warm-up; the application list (10 per page, newest first) with the session cookie of the user with 10,000 filings, and of a typical user (about 100); the top page and the procedure list without cookies (a new CSRF cookie each time); client and servers share the machine"
        echo
        echo "| page | bytes | zairyu requests/s | bare requests/s | ratio | zairyu p99 | bare p99 | zairyu CPU µs/request | bare CPU µs/request | target ≥ 0.5 |"
        echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"
    } >"$WORK/pages.md"
    for page in "/ / top" "/procedures /procedures procedures" \
        "/applications /applications applications" "/applications /typical typical"; do
        set -- $page
        local path=$1 bare_path=$2 name=$3 hdr=()
        case "$name" in
        applications) hdr=(-H "Cookie: $cookie") ;;
        typical) hdr=(-H "Cookie: $typical") ;;
        esac
        local rps=() cpu=() p99=()
        for server in "$PORT $SERVER_PID $path" "$BARE_PORT $bare $bare_path"; do
            set -- $server
            local url="http://127.0.0.1:$1$3" before after
            wrk -t2 -c32 --timeout 5s -H 'Accept-Language: ja' "${hdr[@]}" -d3s "$url" >/dev/null
            before=$(cpu_ticks "$2")
            wrk -t2 -c32 --timeout 5s -H 'Accept-Language: ja' "${hdr[@]}" --latency -d"${DURATION}s" "$url" >"$WORK/wrk.txt"
            after=$(cpu_ticks "$2")
            if grep -qE 'Non-2xx|Socket errors' "$WORK/wrk.txt"; then
                echo "errors while loading $url:" >&2
                cat "$WORK/wrk.txt" >&2
                exit 1
            fi
            rps+=("$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$WORK/wrk.txt")")
            p99+=("$(awk '$1 == "99%" {print $2; exit}' "$WORK/wrk.txt")")
            cpu+=("$(awk -v c=$((after - before)) -v t="$CLK_TCK" '/requests in/ {printf "%.1f", c / t * 1e6 / $1}' "$WORK/wrk.txt")")
        done
        local ratio verdict
        ratio=$(awk -v a="${rps[0]}" -v b="${rps[1]}" 'BEGIN {printf "%.2f", a / b}')
        if awk -v r="$ratio" 'BEGIN {exit !(r >= 0.5)}'; then verdict="met"; else
            verdict="**not met** (short by $(awk -v r="$ratio" 'BEGIN {printf "%.0f", (0.5 - r) * 100}') points)"
        fi
        log "pages: $path zairyu ${rps[0]}/s, bare ${rps[1]}/s, ratio $ratio"
        local label="\`GET $path\`"
        case "$name" in
        applications) label="$label (10,000 filings)" ;;
        typical) label="$label (a typical user: $(grep -o 'href="/applications/' "$WORK/p-typical.html" | wc -l) rows shown)" ;;
        esac
        echo "| $label | $(stat -c %s "$WORK/p-$name.html") | ${rps[0]} | ${rps[1]} | **$ratio** | ${p99[0]} | ${p99[1]} | ${cpu[0]} | ${cpu[1]} | $verdict |" >>"$WORK/pages.md"
    done
    stop "$bare"
    stop "$SERVER_PID"
    replace_section scale-pages "$WORK/pages.md"
}

# --- the application list ------------------------------------------------------------------------------
LIST_URLS=(
    "list, newest first, 10 per page|/applications"
    "list, 100 per page|/applications?per=100"
    "deep page: the last of 10 per page|/applications?page=1000"
    "number: 6 characters|/applications?related=ABCDEF"
    "name: family name, oldest first, 50 per page|/applications?related=KIM&sort=old&per=50"
    "procedure keyword 在留|/applications?procedure=%E5%9C%A8%E7%95%99"
    "date range: a year|/applications?from=20240101&to=20241231&per=20"
)
part_list() {
    {
        echo "### The application list of a user with 10,000 filings"
        echo
        machine
        echo
    } >"$WORK/list.md"
    for db in sqlite postgres; do
        local label url_env=()
        if [[ $db == sqlite ]]; then label=SQLite; else label=PostgreSQL; url_env=(ZAIRYU_DATABASE_URL="$PG_URL"); fi
        log "list: list-bench on $label (-n $LIST_N)"
        env "${url_env[@]}" ZAIRYU_POSTAL_AUTOLOAD=false ZAIRYU_SECRET_KEY="$(printf '5a%.0s' {1..32})" \
            "$BIN/list-bench" --data-dir "$SEED_DIR/$db" -n "$LIST_N" --explain \
            >"$WORK/list-$db.txt" 2>"$WORK/list-$db.err" ||
            { echo "list-bench failed:" >&2; tail -20 "$WORK/list-$db.err" >&2; exit 1; }
        {
            echo "#### $label: the use case in-process (\`filing::list_applications\`)"
            echo
            echo "\`list-bench -n $LIST_N --explain\`: each query $LIST_N times after 20 of warm-up, one after another. Wall time per call (what the page waits for) and CPU per call (this process$([[ $db == postgres ]] && echo ' and every postgres process'): what the work costs, whatever else runs on the machine)."
            echo
            sed -n '/^| query/,/^worst p99/p' "$WORK/list-$db.txt"
            echo
            echo "<details><summary>Query plans ($label)</summary>"
            echo
            sed -n '/^```text/,/^```$/p' "$WORK/list-$db.txt"
            echo
            echo "</details>"
            echo
        } >>"$WORK/list.md"
        log "list: the page over HTTP on $label"
        start_server "$db"
        local cookie
        cookie=$(login_cookie "$HEAVY" "$WORK/list-$db.jar")
        {
            echo "#### $label: the page over HTTP"
            echo
            echo "\`wrk -t1 -c1 --latency -d5s\` with the session cookie, after 1 s of warm-up: one request at a time, so the latency is the server's time for the whole page (middleware, session, the use case, the template) plus the loopback."
            echo
            echo "| page | requests/s | p50 | p90 | p99 | max |"
            echo "| --- | ---: | ---: | ---: | ---: | ---: |"
        } >>"$WORK/list.md"
        for entry in "${LIST_URLS[@]}"; do
            local name="${entry%%|*}" path="${entry#*|}" url
            url="http://127.0.0.1:$PORT$path"
            wrk -t1 -c1 -H "Cookie: $cookie" -d1s "$url" >/dev/null
            wrk -t1 -c1 -H "Cookie: $cookie" --latency -d5s "$url" >"$WORK/wrk.txt"
            if grep -qE 'Non-2xx|Socket errors' "$WORK/wrk.txt"; then
                echo "errors while loading $url:" >&2
                cat "$WORK/wrk.txt" >&2
                exit 1
            fi
            awk -v n="$name" -v p="$path" '
                /^Requests\/sec:/ {r = $2}
                $1 == "50%" {p50 = $2} $1 == "90%" {p90 = $2} $1 == "99%" {p99 = $2}
                /^ +Latency +[0-9]/ {mx = $4}
                END {printf "| %s (`%s`) | %.0f | %s | %s | %s | %s |\n", n, p, r, p50, p90, p99, mx}' \
                "$WORK/wrk.txt" >>"$WORK/list.md"
        done
        echo >>"$WORK/list.md"
        stop "$SERVER_PID"
    done
    replace_section scale-list "$WORK/list.md"
}

# --- the journey mix ---------------------------------------------------------------------------------------
part_mix() {
    local ids="$SEED_DIR/login-ids.txt"
    if [[ ! -s "$ids" ]]; then
        sqlite3 "$SEED_DIR/sqlite/zairyu.db" \
            "SELECT login_id FROM users WHERE email_norm LIKE 'seed-%@example.invalid' AND id > (SELECT MIN(id) FROM users) ORDER BY id" >"$ids"
    fi
    {
        echo "### The journey mix at 10 times the national peak hour"
        echo
        machine
        echo "- Load: \`mix --host http://127.0.0.1:$PORT --users $MIX_USERS --increase-rate 10 --run-time ${MIX_TIME}s --throttle-requests $MIX_RATE\` (goose; metrics reset once every user has started, so the tables cover the steady ${MIX_TIME} s); the server runs with the production argon2id cost and sends its mail over SMTP to the mix's sink; officers (1 simulated user in 13, about five, signed in as one \`zairyu officer create --role admin\` account the mix enrols at its first login) each receive a pending filing of their own every two seconds; the mix runs on the same two cores"
        echo
    } >"$WORK/mix.md"
    for db in sqlite postgres; do
        local label
        if [[ $db == sqlite ]]; then label=SQLite; else label=PostgreSQL; fi
        log "mix: $label, ${MIX_TIME}s at $MIX_RATE requests/s"
        # A new officer for each run (the mix enrols its one-time code at the first login).
        local officer="bench-$(date +%s)" db_env=() officer_pw
        if [[ $db == postgres ]]; then db_env=(ZAIRYU_DATABASE_URL="$PG_URL" ZAIRYU_SECRET_KEY="$(printf '5a%.0s' {1..32})"); fi
        officer_pw=$(env "${db_env[@]}" ZAIRYU_POSTAL_AUTOLOAD=false "$BIN/zairyu" officer create \
            --login-id "$officer" --name "Bench Officer" --email "$officer@example.invalid" \
            --role admin --office hq --data-dir "$([[ $db == sqlite ]] && echo "$SEED_DIR/sqlite" || echo "$WORK/data-postgres")" \
            2>/dev/null | awk -F': ' '/initial password/ {print $2}')
        [[ -n "$officer_pw" ]] || log "mix: could not create an officer; the officer journey will be skipped"
        start_server "$db"
        local before after pg_before=0 pg_after=0
        before=$(cpu_ticks "$SERVER_PID")
        if [[ $db == postgres ]]; then pg_before=$(postgres_ticks); fi
        local started=$SECONDS
        MIX_SMTP_ADDR="127.0.0.1:$SMTP_PORT" MIX_LOGINS="$ids" MIX_PASSWORD="$PASSWORD" \
            MIX_OFFICER_LOGIN="$officer" MIX_OFFICER_PASSWORD="$officer_pw" \
            MIX_REPORT="$WORK/mix-$db.md" \
            "$BIN/mix" --host "http://127.0.0.1:$PORT" --users "$MIX_USERS" --increase-rate 10 \
            --run-time "${MIX_TIME}s" --throttle-requests "$MIX_RATE" --quiet \
            >"$WORK/mix-$db.log" 2>"$WORK/mix-$db.err" || true
        after=$(cpu_ticks "$SERVER_PID")
        if [[ $db == postgres ]]; then pg_after=$(postgres_ticks); fi
        local wall=$((SECONDS - started)) rss
        rss=$(peak_rss_mb "$SERVER_PID")
        stop "$SERVER_PID"
        {
            echo "#### $label"
            echo
            if [[ -s "$WORK/mix-$db.md" ]]; then cat "$WORK/mix-$db.md"; else
                echo "The mix produced no report; its last lines:"
                echo
                echo '```text'
                tail -20 "$WORK/mix-$db.err"
                echo '```'
            fi
            grep -h '^mix:' "$WORK/mix-$db.err" | sort -u | sed 's/^/- /' || true
            echo
            echo "Server process over the whole run (${wall} s including start-up and ramp-up): CPU $(awk -v c=$((after - before)) -v t="$CLK_TCK" -v w="$wall" 'BEGIN {printf "%.1f s, %.0f %% of one core on average", c / t, c / t / w * 100}'); peak resident memory (VmHWM) **$rss MB** (target ≤ 200 MB).$([[ $db == postgres ]] && awk -v c=$((pg_after - pg_before)) -v t="$CLK_TCK" 'BEGIN {printf " The postgres processes used %.1f s of CPU beside it.", c / t}')"
            echo
        } >>"$WORK/mix.md"
    done
    replace_section scale-mix "$WORK/mix.md"
}

case "$PART" in
pages) part_pages ;;
list) part_list ;;
mix) part_mix ;;
all)
    part_pages
    part_list
    part_mix
    ;;
esac
