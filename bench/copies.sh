#!/usr/bin/env bash
# Saved copies (issue 16 §5): extraction of 1,000 synthetic pages of about 50 KB, alone and along the copy job's own
# path (fetched from a local server through the checker's guard and politeness without waits, extracted, stored),
# the storage those copies take in PostgreSQL, and the peak memory (max RSS from GNU time).
# Results go to stdout and bench/out/copies-results.txt. Run: bash bench/copies.sh [pages]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
base="$(scripts/postgres.sh start)"
db="cnl_bench_copies"
# postgres.sh moves to the next free port when 55432 is taken: the port is the one it answered with.
admin="postgresql://portal:portal-dev@127.0.0.1:$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base")/postgres"
export PGPASSWORD=portal-dev
mkdir -p bench/out

dotnet build bench/CopyBench -c Release -nologo -v quiet
psql "$admin" -qc "drop database if exists $db with (force)" -c "create database $db"
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p'); load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "max RSS %M KB, %e s wall, %U s user, %S s system" taskset -c 0,1 \
    dotnet bench/CopyBench/bin/Release/net10.0/ContainerNetLib.Bench.CopyBench.dll "${1:-1000}" \
    "${base/Database=containernetlib/Database=$db}" 2>&1
} | tee bench/out/copies-results.txt
