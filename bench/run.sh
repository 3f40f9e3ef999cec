#!/usr/bin/env bash
# Top page throughput against a bare axum handler returning the same bytes, and the argon2 cost per
# login. Rewrites the results section of docs/PERFORMANCE.md. Loopback only; both servers are
# stopped on exit. See docs/PERFORMANCE.md for what is measured and why.
#
# Usage: bench/run.sh [top|pages|list|mix|all]
#   top (the default) is this script's own benchmark below; pages, list and mix are the benchmarks
#   at scale in bench/scale.sh (1,000,000 seeded filings, SQLite and PostgreSQL); all runs them all,
#   each rewriting its own section of docs/PERFORMANCE.md.
# Environment (all optional):
#   CARGO_TARGET_DIR  where release binaries are built            [target]
#   DURATION          seconds per measured wrk run                [15]
#   WARMUP            seconds of warm-up per server, not measured [3]
#   ROUNDS            measured rounds of both servers             [3]
#   CONNECTIONS       wrk connections                             [64]
#   THREADS           wrk threads                                 [2]
#   ARGON2_N          argon2 verifications to average             [20]
#   REAL_PORT / BARE_PORT                                         [39080 / 39081]
#   NO_BUILD=1        use the binaries already built
#   QUIET_LOAD        e.g. 1.5: after the build, wait (one check a minute, at most 5) for the
#                     1-minute load average to fall below it before measuring          [no wait]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

case "${1:-top}" in
top) ;;
pages | list | mix) exec "$ROOT/bench/scale.sh" "$1" ;;
all)
    "$ROOT/bench/run.sh" top
    exec "$ROOT/bench/scale.sh" all
    ;;
*)
    echo "usage: bench/run.sh [top|pages|list|mix|all]" >&2
    exit 2
    ;;
esac

DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-3}"
ROUNDS="${ROUNDS:-3}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
ARGON2_N="${ARGON2_N:-20}"
REAL_PORT="${REAL_PORT:-39080}"
BARE_PORT="${BARE_PORT:-39081}"
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$ROOT/$TARGET_DIR" ;; esac
BIN="$TARGET_DIR/release"
DOC="$ROOT/docs/PERFORMANCE.md"
COMMAND="bench/run.sh"
for v in CARGO_TARGET_DIR DURATION WARMUP ROUNDS CONNECTIONS THREADS ARGON2_N NO_BUILD QUIET_LOAD; do
    if [[ -n "${!v:-}" ]]; then COMMAND="$v=${!v} $COMMAND"; fi
done

log() { printf '[bench %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }

# The whole run must stay bounded: refuse settings that cannot finish in under five minutes
# (the release build is not counted; it is incremental after the first one).
budget=$((2 * WARMUP + 2 * ROUNDS * DURATION + 30))
if ((budget > 270)); then
    echo "DURATION/WARMUP/ROUNDS add up to ~${budget}s; keep the run under 5 minutes" >&2
    exit 2
fi

# --- tools -------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
    log "installing wrk"
    SUDO=""
    if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }

# --- build ---------------------------------------------------------------------------------------
if [[ -z "${NO_BUILD:-}" ]]; then
    log "building release binaries into $TARGET_DIR"
    CARGO_TARGET_DIR="$TARGET_DIR" cargo build --release --locked -q \
        -p zairyu -p zairyu-bench-bare
fi
for b in zairyu bare-top argon2-cost; do
    [[ -x "$BIN/$b" ]] || { echo "missing $BIN/$b (build first or unset NO_BUILD)" >&2; exit 2; }
done

# --- a quiet machine ----------------------------------------------------------------------------
# On a shared machine other work (builds, test suites) takes the cores the two servers and wrk
# share; the build above also leaves the load high for a minute. Waiting is bounded.
if [[ -n "${QUIET_LOAD:-}" ]]; then
    for i in 1 2 3 4 5; do
        load1=$(cut -d' ' -f1 /proc/loadavg)
        if awk -v l="$load1" -v q="$QUIET_LOAD" 'BEGIN {exit !(l < q)}'; then break; fi
        if ((i == 5)); then
            log "load average still $load1 (≥ $QUIET_LOAD) after 4 minutes; measuring anyway"
            break
        fi
        log "load average $load1 ≥ $QUIET_LOAD: waiting a minute ($i/4)"
        sleep 60
    done
fi

# --- servers -------------------------------------------------------------------------------------
WORK="$(mktemp -d)"
REAL_PID=""
BARE_PID=""
cleanup() {
    for p in $REAL_PID $BARE_PID; do
        kill "$p" 2>/dev/null || true
    done
    for p in $REAL_PID $BARE_PID; do
        wait "$p" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$REAL_PORT" "$BARE_PORT"; do
    port_free "$p" || { echo "port $p on 127.0.0.1 is in use (set REAL_PORT/BARE_PORT)" >&2; exit 2; }
done

wait_up() { # URL PID NAME
    for _ in $(seq 1 300); do
        if curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null; then return 0; fi
        kill -0 "$2" 2>/dev/null || { echo "$3 exited; its log:" >&2; cat "$WORK/$3.log" >&2; exit 1; }
        sleep 0.1
    done
    echo "$3 did not answer $1 within 30 s" >&2
    exit 1
}

REAL_URL="http://127.0.0.1:$REAL_PORT/"
BARE_URL="http://127.0.0.1:$BARE_PORT/"

log "starting zairyu on $REAL_URL"
mkdir -p "$WORK/data"
ZAIRYU_POSTAL_AUTOLOAD=false "$BIN/zairyu" serve --addr "127.0.0.1:$REAL_PORT" \
    --data-dir "$WORK/data" >"$WORK/zairyu.log" 2>&1 &
REAL_PID=$!
wait_up "${REAL_URL}healthz" "$REAL_PID" zairyu

# The bytes the real top page returns (a fresh CSRF cookie and token, as wrk will get).
status=$(curl -sS -o "$WORK/top.html" -w '%{http_code}' -H 'Accept-Language: ja' "$REAL_URL")
[[ "$status" == 200 ]] || { echo "GET / answered $status" >&2; exit 1; }
TOP_BYTES=$(stat -c %s "$WORK/top.html")
log "captured the top page: $TOP_BYTES bytes"

log "starting bare-top on $BARE_URL"
"$BIN/bare-top" "127.0.0.1:$BARE_PORT" "$WORK/top.html" >"$WORK/bare-top.log" 2>&1 &
BARE_PID=$!
wait_up "$BARE_URL" "$BARE_PID" bare-top
curl -sS -o "$WORK/bare.html" -H 'Accept-Language: ja' "$BARE_URL"
cmp -s "$WORK/top.html" "$WORK/bare.html" || { echo "bare-top does not return the same bytes" >&2; exit 1; }

# --- load ------------------------------------------------------------------------------------------
WRK=(wrk -t"$THREADS" -c"$CONNECTIONS" --timeout 5s -H "Accept-Language: ja")

rps() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
check_run() { # FILE NAME
    if grep -qE 'Non-2xx|Socket errors' "$1"; then
        echo "$2: errors during the run:" >&2
        cat "$1" >&2
        exit 1
    fi
}

log "warm-up: ${WARMUP}s each"
"${WRK[@]}" -d"${WARMUP}s" "$REAL_URL" >/dev/null
"${WRK[@]}" -d"${WARMUP}s" "$BARE_URL" >/dev/null

REAL_ALL=()
BARE_ALL=()
RATIO_ALL=()
REAL_CPU=()
BARE_CPU=()
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# Server CPU time (user + system, all threads) per request: less sensitive than requests/s to
# other work on a shared machine, and it says where the difference comes from.
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run_one() { # NAME URL FILE PID
    log "round $r/$ROUNDS: $1 ${DURATION}s"
    local before after
    before=$(cpu_ticks "$4")
    "${WRK[@]}" --latency -d"${DURATION}s" "$2" >"$3"
    after=$(cpu_ticks "$4")
    check_run "$3" "$1"
    awk -v c=$((after - before)) -v t="$CLK_TCK" '/requests in/ {printf "%.1f\n", c / t * 1e6 / $1}' "$3" >"$3.cpu"
}
# Rounds alternate which server goes first, so a slow drift in the machine's load (other work on
# a shared machine) does not always fall on the same side.
for r in $(seq 1 "$ROUNDS"); do
    if ((r % 2)); then
        run_one zairyu "$REAL_URL" "$WORK/real-$r.txt" "$REAL_PID"
        run_one bare-top "$BARE_URL" "$WORK/bare-$r.txt" "$BARE_PID"
    else
        run_one bare-top "$BARE_URL" "$WORK/bare-$r.txt" "$BARE_PID"
        run_one zairyu "$REAL_URL" "$WORK/real-$r.txt" "$REAL_PID"
    fi
    REAL_ALL+=("$(rps "$WORK/real-$r.txt")")
    BARE_ALL+=("$(rps "$WORK/bare-$r.txt")")
    REAL_CPU+=("$(cat "$WORK/real-$r.txt.cpu")")
    BARE_CPU+=("$(cat "$WORK/bare-$r.txt.cpu")")
    RATIO_ALL+=("$(awk -v a="${REAL_ALL[-1]}" -v b="${BARE_ALL[-1]}" 'BEGIN {printf "%.3f", a / b}')")
    log "round $r: zairyu ${REAL_ALL[-1]} req/s (${REAL_CPU[-1]} µs CPU/req), bare ${BARE_ALL[-1]} req/s (${BARE_CPU[-1]} µs CPU/req), ratio ${RATIO_ALL[-1]}"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

mean() { printf '%s\n' "$@" | awk '{s += $1} END {printf "%.0f", s / NR}'; }
mean1() { printf '%s\n' "$@" | awk '{s += $1} END {printf "%.1f", s / NR}'; }
REAL_RPS=$(mean "${REAL_ALL[@]}")
BARE_RPS=$(mean "${BARE_ALL[@]}")
REAL_US=$(mean1 "${REAL_CPU[@]}")
BARE_US=$(mean1 "${BARE_CPU[@]}")
RATIO=$(awk -v a="$REAL_RPS" -v b="$BARE_RPS" 'BEGIN {printf "%.3f", a / b}')
if awk -v r="$RATIO" 'BEGIN {exit !(r >= 0.5)}'; then
    VERDICT="**met** (target ≥ 0.50)"
else
    SHORT=$(awk -v r="$RATIO" 'BEGIN {printf "%.0f", (0.5 - r) * 100}')
    VERDICT="**not met** (target ≥ 0.50; short by $SHORT percentage points)"
fi
latency() { awk '/^ +Latency / {print $2 " mean, " $3 " stdev, " $4 " max"; exit}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2; exit}' "$1"; }
resp_bytes() { # bytes per response, headers included, from wrk's totals
    awk '/requests in/ {n = $1; v = $5; u = v; sub(/[0-9.]+/, "", u); sub(/[A-Za-z]+/, "", v);
         m = (u == "KB") ? 1024 : (u == "MB") ? 1048576 : (u == "GB") ? 1073741824 : 1;
         printf "%.0f", v * m / n}' "$1"
}

# --- argon2 ------------------------------------------------------------------------------------------
log "argon2: $ARGON2_N verifications at the default cost"
"$BIN/argon2-cost" -n "$ARGON2_N" >"$WORK/argon2.txt"
a2() { awk -v k="$1:" '$1 == k {print $2}' "$WORK/argon2.txt"; }
A2_PARAMS=$(head -1 "$WORK/argon2.txt")

# --- report --------------------------------------------------------------------------------------------
CPU=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
MEM=$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
COMMIT=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain 2>/dev/null)" ]]; then COMMIT="$COMMIT (with uncommitted changes)"; fi
WRK_VERSION=$({ wrk -v 2>&1 || true; } | awk 'NR == 1 {print $1, $2}')
RUSTC=$(rustc --version 2>/dev/null || echo unknown)

{
    echo "<!-- results:start -->"
    echo "<!-- Written by bench/run.sh; edits between these markers are overwritten. -->"
    echo
    echo "### Results"
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "- Machine: $(nproc) cores ($CPU), $MEM memory; load average before/after the runs: $LOAD_BEFORE / $LOAD_AFTER"
    echo "- Commit: \`$COMMIT\`; $RUSTC; $WRK_VERSION"
    echo "- Command: \`$COMMAND\`"
    echo "- Load: \`wrk -t$THREADS -c$CONNECTIONS --timeout 5s -H \"Accept-Language: ja\" --latency -d${DURATION}s URL\`, after a ${WARMUP}s warm-up of each server; $ROUNDS rounds of both, back to back, alternating which goes first; client and servers share the machine"
    echo "- Top page: $TOP_BYTES bytes of HTML (\`GET /\`, no cookies: a new CSRF cookie on every request)"
    echo
    echo "| server | requests/s (mean) | per round | server CPU µs/request (mean; per round) | latency (round 1) | p99 (round 1) | bytes/response |"
    echo "| --- | ---: | --- | --- | --- | ---: | ---: |"
    echo "| zairyu \`GET /\` | $REAL_RPS | ${REAL_ALL[*]} | $REAL_US; ${REAL_CPU[*]} | $(latency "$WORK/real-1.txt") | $(pct "$WORK/real-1.txt" 99%) | $(resp_bytes "$WORK/real-1.txt") |"
    echo "| bare axum, same bytes | $BARE_RPS | ${BARE_ALL[*]} | $BARE_US; ${BARE_CPU[*]} | $(latency "$WORK/bare-1.txt") | $(pct "$WORK/bare-1.txt" 99%) | $(resp_bytes "$WORK/bare-1.txt") |"
    echo
    echo "**Ratio zairyu / bare: $RATIO** (ratio of the means; per round: ${RATIO_ALL[*]}) — $VERDICT."
    echo
    echo "Server CPU per request (user + system time of the server process over the run, divided by the requests): zairyu / bare = $(awk -v a="$REAL_US" -v b="$BARE_US" 'BEGIN {printf "%.2f", a / b}')."
    echo
    echo "#### argon2id per login"
    echo
    echo "- Setting: ${A2_PARAMS} — \`zairyu_app::Argon2Cost::default()\`"
    echo "- Mean verification: **$(a2 mean_ms_per_verify) ms** (median $(a2 median_ms), min $(a2 min_ms), max $(a2 max_ms); $(a2 verifications) verifications; first hash, cold: $(a2 hash_ms) ms)"
    echo "- Logins per second per core: **$(a2 logins_per_second_per_core)** (from the mean; $(awk -v m="$(a2 min_ms)" 'BEGIN {printf "%.0f", 1000 / m}') from the fastest verification, what an otherwise idle core gives)"
    echo "- Command: \`$BIN/argon2-cost -n $ARGON2_N\`" | sed "s|$ROOT/||"
    echo
    echo "<!-- results:end -->"
} >"$WORK/results.md"

if [[ -f "$DOC" ]] && grep -q '<!-- results:start -->' "$DOC" && grep -q '<!-- results:end -->' "$DOC"; then
    awk -v f="$WORK/results.md" '
        /<!-- results:start -->/ {while ((getline l < f) > 0) print l; skip = 1; next}
        /<!-- results:end -->/ {skip = 0; next}
        !skip {print}' "$DOC" >"$WORK/doc.md"
    cat "$WORK/doc.md" >"$DOC"
else
    echo "$DOC has no results markers; results follow" >&2
fi
cat "$WORK/results.md"
