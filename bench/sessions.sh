#!/usr/bin/env bash
# What the sign-in session check costs (issue 21 §4): every request with a sign-in cookie looks its session up in
# PostgreSQL, and notes "last seen" at most once a minute. 20 s of wrk with 16 connections on one section page, in
# private mode, as a signed-in reader (the readers' shared page: the session check is the request's only query) and,
# for comparison, anonymously in public mode; and how many rows of sign_in_sessions the signed-in run updated.
# Runs the portal from its build output (dotnet build first). Run: bash bench/sessions.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/sign-in.sh
command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq;
  apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
base="$(scripts/postgres.sh start)"
port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base")"
export PGPASSWORD=portal-dev
admin="postgresql://portal:portal-dev@127.0.0.1:$port/postgres"
dbUrl="postgresql://portal:portal-dev@127.0.0.1:$port/cnl_bench_sessions"
db=cnl_bench_sessions
out=bench/out; mkdir -p $out
web=http://127.0.0.1:5094
pid=""
trap '[[ -n $pid ]] && kill $pid 2>/dev/null || true' EXIT

psql "$admin" -qc "drop database if exists $db with (force)" -c "create database $db" >/dev/null
export ConnectionStrings__Portal="${base/Database=containernetlib/Database=$db}"
importer=(dotnet src/Importer/bin/Release/net10.0/ContainerNetLib.Importer.dll)
"${importer[@]}" migrate >/dev/null
"${importer[@]}" import seeds/container-networking.md >/dev/null
printf 'a long enough password\n' |
  "${importer[@]}" users add reader@example.org --role Reader --password-stdin 2>/dev/null

start() { # $1: Public or SignedIn
  [[ -n $pid ]] && kill $pid && wait $pid 2>/dev/null || true
  Portal__Readers="$1" Portal__Role=web ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
    dotnet src/Portal/bin/Release/net10.0/ContainerNetLib.Portal.dll --urls $web >$out/portal-sessions.log 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do curl -sf -o /dev/null $web/healthz/ready && return; sleep 0.2; done
  echo "the portal never answered" >&2; exit 1
}
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
