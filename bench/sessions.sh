#!/usr/bin/env bash
# What the sign-in session check costs (issue 21 §4): every request with a sign-in cookie looks its session up in
# PostgreSQL, and notes "last seen" at most once a minute. 20 s of wrk with 16 connections on one section page, in
# private mode, as a signed-in reader (the readers' shared page: the session check is the request's only query) and,
# for comparison, anonymously in public mode; and how many rows of sign_in_sessions the signed-in run updated.
# Runs the portal from its build output (dotnet build first). Run: bash bench/sessions.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/bench-setup.sh
web=http://127.0.0.1:5094
bench_database cnl_bench_sessions
"${importer[@]}" import seeds/container-networking.md >/dev/null
bench_user reader@example.org Reader

start() { Portal__Readers="$1" start_portal $web $out/portal-sessions.log; } # $1: Public or SignedIn
run() { # $1: label; rest: wrk options
  local label="$1"; shift
  # Warm-up: the signed-in path runs EF Core and Npgsql, slow until the JIT has tiered them up (about a minute).
  wrk -t2 -c16 -d60s "$@" "$web$page" >/dev/null
  printf '%-44s %s\n' "$label" "$(wrk -t2 -c16 -d20s "$@" "$web$page" | awk '/Latency/ {p=$2} /Requests\/sec/ {r=$2}
    /Non-2xx/ {e=$NF} END {printf "%s req/s, mean latency %s, non-2xx %s", r, p, (e == "" ? 0 : e)}')"
}

page="/sections/$(psql "$dbUrl" -Atc 'select slug from sections order by id limit 1')"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); page $page" | tee $out/sessions-results.txt
start Public
run "public, anonymous" | tee -a $out/sessions-results.txt
start SignedIn
cookie=$(sign_in $web "/account/login?local=true" reader@example.org)
updates() { psql "$dbUrl" -Atc "select n_tup_upd from pg_stat_user_tables where relname = 'sign_in_sessions'"; }
before=$(updates)
run "private, signed-in reader (session checked)" -H "Cookie: $cookie" | tee -a $out/sessions-results.txt
sleep 1 # the statistics collector
echo "sign_in_sessions rows updated during the signed-in runs (23 s): $(( $(updates) - before ))" |
  tee -a $out/sessions-results.txt
