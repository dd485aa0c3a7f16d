#!/usr/bin/env bash
# The reader's section page from this build and from earlier ones, side by side in one run, each against the same two
# nginx peers (issue 22 §6 "the figure against nginx compressing per request must not fall"; issue 24 §4 "the ratio to
# nginx stays within 5 % of its figure before this change, measured in the same run"): every build is published, given
# its own database with the seed imported by its own importer, started in Production logging every request to a file,
# and asked for the largest seed section with a browser's Accept-Encoding. ROUNDS (3) rounds; in each, 10 s of
# wrk -t2 -c64 on every build, then on nginx compressing per request (gzip on, level 6) and on nginx serving this
# build's Brotli bytes from disk (brotli_static on, every request logged to a file). Per build: the median over the
# rounds of its requests/s and of its ratio to each peer in the same round.
# Run: REVS="a36e819 710ba41" bash bench/reader-versions.sh   (results in bench/out/reader-versions.txt)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
command -v wrk >/dev/null && command -v nginx >/dev/null && [[ -f $brotli_module ]] || {
  export DEBIAN_FRONTEND=noninteractive; apt-get update -qq
  apt-get install -y -qq --no-install-recommends wrk nginx-light libnginx-mod-http-brotli-static >/dev/null; }
base="$(scripts/postgres.sh start)"
admin="postgresql://portal:portal-dev@127.0.0.1:$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base")/postgres"
export PGPASSWORD=portal-dev
out=bench/out/versions; mkdir -p $out
revs=(${REVS:-a36e819})
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
page=/sections/vxlan-veth-bridges-namespaces-l2-l3-etc
browser_encodings="Accept-Encoding: gzip, deflate, br, zstd"

build() { # name, source folder: publish the portal and the importer, import the seed into a database of its own
  dotnet publish "$2/src/Portal" -c Release -o "$out/$1/portal" -nologo -v quiet >/dev/null
  dotnet publish "$2/src/Importer" -c Release -o "$out/$1/importer" -nologo -v quiet >/dev/null
  psql "$admin" -qc "drop database if exists cnl_versions_$1 with (force)" -c "create database cnl_versions_$1" >/dev/null
  local cs="${base/Database=containernetlib/Database=cnl_versions_$1}"
  ConnectionStrings__Portal="$cs" dotnet "$out/$1/importer/ContainerNetLib.Importer.dll" migrate >/dev/null 2>&1
  ConnectionStrings__Portal="$cs" dotnet "$out/$1/importer/ContainerNetLib.Importer.dll" import \
    seeds/container-networking.md >/dev/null
  echo "$cs" > "$out/$1/connection"
}

start() { # name, port
  ConnectionStrings__Portal="$(cat "$out/$1/connection")" ASPNETCORE_ENVIRONMENT=Production \
    dotnet "$out/$1/portal/ContainerNetLib.Portal.dll" --urls "http://127.0.0.1:$2" \
    --contentRoot "$PWD/$out/$1/portal" >"$out/$1/requests.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do curl -sf -o /dev/null "http://127.0.0.1:$2$page" && return; sleep 0.2; done
  echo "$1 did not start on $2" >&2; exit 1
}

names=(this); ports=(5100)
build this .
for i in "${!revs[@]}"; do
  folder="$out/source-${revs[$i]}"
  [[ -d $folder ]] || git worktree add -f --detach "$folder" "${revs[$i]}" >/dev/null 2>&1
  build "${revs[$i]}" "$folder"
  names+=("${revs[$i]}"); ports+=($((5101 + i)))
done
for i in "${!names[@]}"; do start "${names[$i]}" "${ports[$i]}"; done

mkdir -p $out/static
curl -sf "http://127.0.0.1:5100$page" -o $out/static/section.html
curl -sf -H "$browser_encodings" "http://127.0.0.1:5100$page" -o $out/static/section.html.br
rm -f $out/nginx-access.log
cat > $out/nginx.conf <<NGINX
load_module $brotli_module;
daemon off; worker_processes auto; pid $PWD/$out/nginx.pid; error_log $PWD/$out/nginx-error.log;
events { worker_connections 1024; }
http { sendfile on; tcp_nopush on; keepalive_requests 1000000; types { text/html html; }
  access_log $PWD/$out/nginx-access.log;
  server { listen 127.0.0.1:5111; root $PWD/$out/static; gzip on; gzip_comp_level 6; gzip_vary on;
    location = /section { default_type text/html; try_files /section.html =404; } }
  server { listen 127.0.0.1:5113; root $PWD/$out/static; gzip off; brotli_static on;
    location = /section { default_type text/html; try_files /section.html =404; } } }
NGINX
nginx -c "$PWD/$out/nginx.conf" & pids+=($!)
sleep 1

rps() { wrk -t2 -c64 -d"$2" -H "$browser_encodings" "$1" | awk '/Requests\/sec/ {print $2}'; }
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; page $page; builds: ${names[*]}"
  echo "load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  for i in "${!names[@]}"; do rps "http://127.0.0.1:${ports[$i]}$page" 5s >/dev/null; done
  rps http://127.0.0.1:5111/section 3s >/dev/null; rps http://127.0.0.1:5113/section 3s >/dev/null
  sleep 5 # tiered compilation settles
  for round in $(seq 1 "${ROUNDS:-3}"); do
    line="round $round:"
    for i in "${!names[@]}"; do line+=" ${names[$i]} $(rps "http://127.0.0.1:${ports[$i]}$page" 10s)"; done
    line+=" nginx-gzip $(rps http://127.0.0.1:5111/section 10s) nginx-brotli-static $(rps http://127.0.0.1:5113/section 10s)"
    echo "$line"
  done | tee $out/rounds.txt
  for name in "${names[@]}"; do
    awk -v n="$name" '{for (i = 3; i < NF; i += 2) v[$i] = $(i + 1);
      print v[n], v[n] / v["nginx-gzip"], v[n] / v["nginx-brotli-static"]}' $out/rounds.txt |
      sort -n -k2 | awk -v n="$name" '{r[NR] = $0} END {split(r[int((NR + 1) / 2)], m, " ");
        printf "%s: median ratio to nginx gzip per request %.2f", n, m[2]}'
    awk -v n="$name" '{for (i = 3; i < NF; i += 2) v[$i] = $(i + 1); print v[n] / v["nginx-brotli-static"], v[n]}' \
      $out/rounds.txt | sort -n | awk '{r[NR] = $0} END {split(r[int((NR + 1) / 2)], m, " ");
        printf ", to nginx brotli_static %.2f", m[1]}'
    awk -v n="$name" '{for (i = 3; i < NF; i += 2) if ($i == n) print $(i + 1)}' $out/rounds.txt | sort -n |
      awk '{r[NR] = $1} END {printf ", median %s req/s\n", r[int((NR + 1) / 2)]}'
  done
} | tee $out/../reader-versions.txt
