#!/usr/bin/env bash
# Load test (issue 6 §6): 60 s of wrk with 128 connections against section pages, search and feeds
# at once, on the published portal (Production) with the seed imported. Reports requests/s, p50/p99,
# errors and non-2xx answers, and the portal's peak resident memory (VmHWM).
# Run: bash bench/load.sh   (results also in bench/out/load-results.txt; DURATION=60s CONNECTIONS=128 to change)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
duration="${DURATION:-60s}"
connections="${CONNECTIONS:-128}"

command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
base="$(scripts/postgres.sh start)"
port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base")"
export PGPASSWORD=portal-dev
out=bench/out; mkdir -p $out
pid=""
trap '[[ -n $pid ]] && kill $pid 2>/dev/null || true' EXIT

dotnet publish src/Portal -c Release -o $out/portal -nologo -v quiet
dotnet publish src/Importer -c Release -r linux-x64 --self-contained false -o $out/importer -nologo -v quiet
psql "postgresql://portal:portal-dev@127.0.0.1:$port/postgres" -qc "drop database if exists cnl_bench_load with (force)" -c "create database cnl_bench_load" >/dev/null
cs="${base/Database=containernetlib/Database=cnl_bench_load}"
ConnectionStrings__Portal="$cs" dotnet $out/importer/ContainerNetLib.Importer.dll migrate >/dev/null
ConnectionStrings__Portal="$cs" dotnet $out/importer/ContainerNetLib.Importer.dll import seeds/container-networking.md >/dev/null

ConnectionStrings__Portal="$cs" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning Serilog__MinimumLevel__Default=Warning \
  dotnet $out/portal/ContainerNetLib.Portal.dll --urls http://127.0.0.1:5093 --contentRoot "$PWD/$out/portal" >$out/portal-load.log 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf -o /dev/null http://127.0.0.1:5093/healthz/ready && break; sleep 0.2; done

# Every section page and its feed, the list's feed, and searches (twenty queries, each also with a
# counter so part of them miss the cache and really search).
slugs=$(curl -sf http://127.0.0.1:5093/api/sections | grep -o '"slug":"[^"]*"' | cut -d'"' -f4)
{
  echo 'local paths = {'
  for s in $slugs; do echo "  \"/sections/$s\", \"/sections/$s/feed.atom\","; done
  echo '  "/", "/feed.atom" }'
  cat <<'LUA'
local queries = { "vxlan", "calico", "ebpf", "linux+bridges", "network+namespaces", "iptables", "kube-proxy", "macvlan", "ipvlan",
  "conntrack", "service+mesh", "dns", "calcio", "macvlna", "overlay", "xdp", "mtu", "cni", "cilium", "flannel" }
local n = 0
request = function()
  n = n + 1
  if n % 3 == 0 then
    local q = queries[(n % #queries) + 1]
    if n % 2 == 0 then return wrk.format("GET", "/search?q=" .. q .. "&n=" .. n) end
    return wrk.format("GET", "/search?q=" .. q)
  end
  return wrk.format("GET", paths[(n % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests %d  req/s %.0f  p50 %.1f ms  p99 %.1f ms  max %.1f ms  non-2xx %d  socket errors %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
} > $out/load.lua

wrk -t2 -c"$connections" -d5s -s $out/load.lua http://127.0.0.1:5093 >/dev/null   # warm-up
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p'); $(date -u +%F)"
  echo "wrk -t2 -c$connections -d$duration: section pages + feeds + search (a third of requests), seed list"
  wrk -t2 -c"$connections" -d"$duration" --timeout 10s -s $out/load.lua http://127.0.0.1:5093 | tail -1
  echo "portal peak RSS (VmHWM): $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' /proc/$pid/status); now $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' /proc/$pid/status)"
  echo "portal errors logged: $(grep -c '"@l":"Error"' $out/portal-load.log || true)"
} | tee $out/load-results.txt
