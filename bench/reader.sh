#!/usr/bin/env bash
# Reader speed, side by side in one run (issue 3 §5):
#   1. the largest seed section page from the portal vs the same HTML as a static file from nginx:
#      wrk, 64 connections, 10 s, after a warm-up; requests/s, p99, non-2xx; ROUNDS (5) alternating pairs, median ratio;
#      first uncompressed, then compressed: both asked with a browser's "Accept-Encoding: gzip, br" (issue 14 §3), the
#      portal answering from its page compressed once (Brotli), nginx compressing each response (gzip on, level 6;
#      nginx-light has no Brotli); bytes on the wire per response (body, and all bytes read per request by wrk);
#      then (issue 22 §6) against nginx serving the same Brotli bytes from disk (brotli_static on, Debian's
#      libnginx-mod-http-brotli-static), both servers logging every request to a file, with the Accept-Encoding a browser
#      sends today ("gzip, deflate, br, zstd");
#   2. search over the 100,000-entry synthetic list: wrk with rotating queries, each a cache miss.
# Run: bash bench/reader.sh   (results also in bench/out/reader-results.txt; PAGE_ONLY=1 skips search;
#   PAGE_ROUNDS="brotli-static" runs only the named sets of rounds: uncompressed, compressed, brotli-static)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
command -v wrk >/dev/null && command -v nginx >/dev/null && [[ -f $brotli_module ]] || {
  export DEBIAN_FRONTEND=noninteractive; apt-get update -qq
  apt-get install -y -qq --no-install-recommends wrk nginx-light libnginx-mod-http-brotli-static >/dev/null; }
base="$(scripts/postgres.sh start)"
port_of() { sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base"; }
admin="postgresql://portal:portal-dev@127.0.0.1:$(port_of)/postgres"
export PGPASSWORD=portal-dev
out=bench/out; mkdir -p $out
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

dotnet publish src/Portal -c Release -o $out/portal -nologo -v quiet
dotnet publish src/Importer -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o $out/importer -nologo -v quiet
[[ -f $out/synthetic-100k.md ]] || { dotnet build bench/Generator -c Release -nologo -v quiet; dotnet bench/Generator/bin/Release/net10.0/ContainerNetLib.Bench.Generator.dll 100000 200 $out/synthetic-100k.md; }

database() { # name, list
  psql "$admin" -qc "drop database if exists $1 with (force)" -c "create database $1" >/dev/null
  local cs="${base/Database=containernetlib/Database=$1}"
  ConnectionStrings__Portal="$cs" dotnet $out/importer/ContainerNetLib.Importer.dll migrate >/dev/null 2>&1
  ConnectionStrings__Portal="$cs" dotnet $out/importer/ContainerNetLib.Importer.dll import "$2" >/dev/null
  echo "$cs"
}

portal() { # connection string, port
  ConnectionStrings__Portal="$1" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet $out/portal/ContainerNetLib.Portal.dll --urls "http://127.0.0.1:$2" --contentRoot "$PWD/$out/portal" >$out/portal-$2.log 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$2/" && return; sleep 0.2; done
  echo "portal on $2 did not start" >&2; exit 1
}

wrk_line() { # label, wrk output file
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$2")
  p99=$(awk '$1 == "99%" {print $2}' "$2")
  non2xx=$(awk '/Non-2xx/ {print $5}' "$2"); non2xx=${non2xx:-0}
  printf '%-34s %10s req/s   p99 %8s   non-2xx %s\n' "$1" "$rps" "$p99" "$non2xx"
}

seed_cs="$(database cnl_bench_reader seeds/container-networking.md)"
portal "$seed_cs" 5090
page=/sections/vxlan-veth-bridges-namespaces-l2-l3-etc
mkdir -p $out/static
curl -sf "http://127.0.0.1:5090$page" -o $out/static/section.html
# The very bytes the portal sends a browser (its page compressed once, Brotli), for nginx's brotli_static.
browser_encodings="Accept-Encoding: gzip, deflate, br, zstd"
curl -sf -H "$browser_encodings" "http://127.0.0.1:5090$page" -o $out/static/section.html.br
[[ $(curl -s -o /dev/null -D - -H "$browser_encodings" "http://127.0.0.1:5090$page" | tr -d '\r' |
  awk 'tolower($1) == "content-encoding:" {print $2}') == br ]] || { echo "the portal did not answer with br" >&2; exit 1; }
rm -f $out/nginx-access.log
cat > $out/nginx.conf <<NGINX
load_module $brotli_module;
daemon off; worker_processes auto; pid $PWD/$out/nginx.pid; error_log $PWD/$out/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; sendfile on; tcp_nopush on; keepalive_requests 1000000;
  types { text/html html; }
  gzip on; gzip_comp_level 6; gzip_vary on;
  server { listen 127.0.0.1:5091; root $PWD/$out/static; location = /section { default_type text/html; try_files /section.html =404; } }
  # Issue 22 §6: the portal's Brotli bytes from disk, every request logged to a file (as the portal logs each to its
  # own), nothing compressed per request.
  server { listen 127.0.0.1:5093; root $PWD/$out/static; access_log $PWD/$out/nginx-access.log; gzip off;
    brotli_static on; location = /section { default_type text/html; try_files /section.html =404; } } }
NGINX
nginx -c "$PWD/$out/nginx.conf" & pids+=($!)
sleep 1

rounds() { # label, nginx port, extra wrk arguments (a header): ROUNDS alternating 10 s pairs, then the median ratio
  local label=$1 nginx_port=$2; shift 2
  [[ " ${PAGE_ROUNDS:-uncompressed compressed brotli-static} " == *" $label "* ]] || return 0
  for round in $(seq 1 "${ROUNDS:-5}"); do
    wrk -t2 -c64 -d10s --latency "$@" "http://127.0.0.1:5090$page" > $out/wrk-portal-$label-$round.txt
    wrk -t2 -c64 -d10s --latency "$@" http://127.0.0.1:$nginx_port/section > $out/wrk-nginx-$label-$round.txt
    wrk_line "$label $round: portal, section page" $out/wrk-portal-$label-$round.txt
    wrk_line "$label $round: nginx, same page as a file" $out/wrk-nginx-$label-$round.txt
    awk '/Requests\/sec/ {print $2}' $out/wrk-portal-$label-$round.txt $out/wrk-nginx-$label-$round.txt | paste -sd' ' |
      awk '{printf "'"$label $round"': portal / nginx %.2f\n", $1 / $2}'
  done | tee $out/reader-rounds-$label.txt
  sed -n 's/.*portal \/ nginx //p' $out/reader-rounds-$label.txt | sort -n |
    awk '{r[NR]=$1} END {printf "'"$label"': portal / nginx, median of %d rounds: %.2f\n", NR, r[int((NR+1)/2)]}'
}

wire() { # label, url: the body's coding and size as sent, and all bytes wrk reads per response over a short run
  local sent per_request
  sent=$(curl -s -H "Accept-Encoding: gzip, br" -o /dev/null -D - -w 'body %{size_download} bytes' "$2" |
    awk 'tolower($1) == "content-encoding:" {e=$2} /^body/ {print (e ? e : "identity") ", " $0}' | tr -d '\r')
  per_request=$(wrk -t1 -c4 -d2s -H "Accept-Encoding: gzip, br" "$2" |
    awk '/^Requests\/sec/ {r=$2} /^Transfer\/sec/ {t=$2; u=substr(t, length(t)-1); t=t+0; if (u=="KB") t*=1024; if (u=="MB") t*=1048576; if (u=="GB") t*=1073741824} END {printf "%.0f", t / r}')
  echo "$1: $sent; on the wire with headers $per_request bytes a response ($(( per_request * 100 / $(stat -c %s $out/static/section.html) )) % of the uncompressed page)"
}

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p'); page $page, $(stat -c %s $out/static/section.html) bytes"
  echo "load before the run: $(uptime)"
  wrk -t2 -c64 -d5s "http://127.0.0.1:5090$page" >/dev/null; wrk -t2 -c64 -d3s http://127.0.0.1:5091/section >/dev/null
  wrk -t2 -c64 -d5s -H "Accept-Encoding: gzip, br" "http://127.0.0.1:5090$page" >/dev/null
  # .NET recompiles hot methods in the background (tiered compilation) for a few seconds after a burst: let it
  # finish, or the first measured seconds include the compiler's work.
  sleep 5
  # Both servers share the two cores with wrk, and this virtual machine's speed drifts from minute to minute:
  # ROUNDS alternating pairs, each pair side by side, and the median of the pairs' ratios.
  rounds uncompressed 5091
  rounds compressed 5091 -H "Accept-Encoding: gzip, br"
  wrk -t2 -c64 -d3s -H "$browser_encodings" http://127.0.0.1:5093/section >/dev/null
  echo "load before the brotli_static rounds: $(uptime)"
  rounds brotli-static 5093 -H "$browser_encodings"
  wire "portal, compressed" "http://127.0.0.1:5090$page"
  wire "nginx, gzip on, level 6" http://127.0.0.1:5091/section
  wire "nginx, brotli_static" http://127.0.0.1:5093/section
  echo "lines logged: portal $(wc -l < $out/portal-5090.log), nginx brotli_static $(wc -l < $out/nginx-access.log)"
} | tee $out/reader-results.txt

[[ -n ${PAGE_ONLY:-} ]] && exit 0
big_cs="$(database cnl_bench_search $out/synthetic-100k.md)"
portal "$big_cs" 5092
cat > $out/search.lua <<'LUA'
-- Rotating realistic queries. The counter makes every request distinct, so none is answered from
-- the output cache: each one really searches. It starts at a random offset per run and thread.
math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1000000))
local queries = { "vxlan", "calico", "ebpf", "linux bridges", "network namespaces", "iptables", "kube-proxy ipvs",
  "macvlan", "ipvlan", "conntrack", "service meshes", "debugging dns", "calcio", "macvlna", "geneve overlay",
  "tracing xdp", "mtu", "sr-iov", "cilium", "flannel" }
local n = math.random(1, 1000000000)
request = function()
  n = n + 1
  return wrk.format("GET", "/search?q=" .. queries[(n % #queries) + 1]:gsub(" ", "+") .. "&n=" .. n)
end
done = function(summary, latency, requests)
  io.write(string.format("search p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  %d requests  non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status))
end
LUA
{
  wrk -t1 -c4 -d5s -s $out/search.lua "http://127.0.0.1:5092" >/dev/null; sleep 5
  echo "search, 100,000 entries, 1 connection, 10 s:"
  wrk -t1 -c1 -d10s -s $out/search.lua http://127.0.0.1:5092 | tail -1
  echo "search, 100,000 entries, 4 connections, 10 s:"
  wrk -t1 -c4 -d10s -s $out/search.lua http://127.0.0.1:5092 | tail -1
  echo "search, 100,000 entries, 64 connections, 10 s:"
  wrk -t2 -c64 -d10s -s $out/search.lua http://127.0.0.1:5092 | tail -1
  echo "popular searches repeated (answered from the cache after their first run), 64 connections, 10 s:"
  sed -e 's/ .. "&n=" .. n//' $out/search.lua > $out/search-popular.lua
  wrk -t2 -c64 -d3s -s $out/search-popular.lua http://127.0.0.1:5092 >/dev/null
  wrk -t2 -c64 -d10s -s $out/search-popular.lua http://127.0.0.1:5092 | tail -1
} | tee -a $out/reader-results.txt
