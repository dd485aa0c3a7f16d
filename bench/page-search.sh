#!/usr/bin/env bash
# Search inside saved pages (issue 16 §5): the 100,000-entry synthetic list with 20,000 saved copies of 2,000 words
# each (bench/Generator makes both); the portal's /search from one connection, each query for 10 s with wrk, every
# request distinct (a counter), so each one really searches; p50, p95, p99 per query.
# Run: bash bench/page-search.sh   (results also in bench/out/page-search-results.txt; SECONDS_PER_QUERY=10;
#      KEEP_DATA=1 measures again on the database a previous run loaded)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq;
  apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
base="$(scripts/postgres.sh start)"
port_of() { sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base"; }
admin="postgresql://portal:portal-dev@127.0.0.1:$(port_of)/postgres"
export PGPASSWORD=portal-dev
out=bench/out; mkdir -p $out
db=cnl_bench_pages
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

dotnet build bench/Generator -c Release -nologo -v quiet
generator=(dotnet bench/Generator/bin/Release/net10.0/ContainerNetLib.Bench.Generator.dll)
[[ -f $out/synthetic-100k.md ]] || "${generator[@]}" 100000 200 $out/synthetic-100k.md
[[ -f $out/synthetic-copies.csv ]] || "${generator[@]}" copies $out/synthetic-100k.md 4 2000 20000 \
  $out/synthetic-copies.csv
dotnet publish src/Portal -c Release -o $out/portal -nologo -v quiet
dotnet publish src/Importer -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o $out/importer -nologo -v quiet

cs="${base/Database=containernetlib/Database=$db}"
url="postgresql://portal:portal-dev@127.0.0.1:$(port_of)/$db"
load_seconds=0
load() { # the list, imported as the importer does it, and the copies
psql "$admin" -qc "drop database if exists $db with (force)" -c "create database $db" >/dev/null
ConnectionStrings__Portal="$cs" dotnet $out/importer/ContainerNetLib.Importer.dll migrate >/dev/null
ConnectionStrings__Portal="$cs" dotnet $out/importer/ContainerNetLib.Importer.dll import $out/synthetic-100k.md \
  >/dev/null
# The copies as the copy job stores them, one version per URL, keyed by the entries' normalised URLs.
start=$(date +%s)
psql "$url" -q <<SQL
create temporary table staged (url text, title text, text text);
\copy staged from '$out/synthetic-copies.csv' with (format csv)
insert into saved_copies (normalized_url, number, saved_at, url, final_url, host, kind, title, text, content_hash,
    word_count, truncated)
select distinct on (e.normalized_url) e.normalized_url, 1, now(), s.url, s.url,
    substring(e.normalized_url from '://([^/:]+)'), 'Html', s.title, s.text,
    encode(sha256(convert_to(s.text, 'UTF8')), 'hex'), 2000, false
from staged s join entries e on e.url = s.url;
vacuum analyze saved_copies;
SQL
load_seconds=$(( $(date +%s) - start ))
}
[[ -n ${KEEP_DATA:-} ]] || load
ConnectionStrings__Portal="$cs" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  dotnet $out/portal/ContainerNetLib.Portal.dll --urls "http://127.0.0.1:5094" --contentRoot "$PWD/$out/portal" \
  >$out/portal-5094.log 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:5094/" && break; sleep 0.2; done
curl -sf -o /dev/null "http://127.0.0.1:5094/" || { echo "the portal did not answer on :5094 within 20 s; see $out/portal-5094.log" >&2; exit 1; }

cat > $out/page-search.lua <<'LUA'
-- One query, every request distinct (a counter), so none is answered from the output cache.
local n = math.random(1, 1000000000)
request = function()
  n = n + 1
  return wrk.format("GET", "/search?q=" .. os.getenv("QUERY") .. "&n=" .. n)
end
done = function(summary, latency, requests)
  io.write(string.format("p50 %5.1f ms  p95 %5.1f ms  p99 %5.1f ms  %5d requests  non-2xx %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status))
end
LUA

# What each query is: where its words are in this data set.
queries=(
  "vxlan"            # a topic in 1/28 of the titles: entry hits fill the first page
  "hairpin"          # only in about 1 % of the pages' text, in no entry: page hits only
  "latency"          # in about 90 % of the pages' text, in no entry: the costliest page ranking
  "kaka"             # the commonest word of the pages' text (every page), in no entry
  "packet"           # common in pages and in a sixth of the descriptions
  "linux+bridges"    # two words, in titles
  "hairpin+vxlan"    # one word from the page, one from its title (the copy's title is searched with its text)
  "calcio"           # a misspelling, corrected against the list's words
  "latency&section=vxlan-0&from=2015"  # a common page word under a section and year filter
  "latency&author=ana-graf"            # a common page word by one author (about 500 entries)
)
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
  echo "data: $(psql "$url" -Atc 'select count(*) from entries') entries, $(psql "$url" -Atc \
    'select count(*) from saved_copies') copies ($(psql "$url" -Atc \
    "select pg_size_pretty(pg_total_relation_size('saved_copies'))") with index and TOAST), loaded in ${load_seconds} s"
  for q in "${queries[@]}"; do QUERY="$q" wrk -t1 -c1 -d2s -s $out/page-search.lua http://127.0.0.1:5094 >/dev/null; done
  sleep 5
  for q in "${queries[@]}"; do
    printf '%-36s %s\n' "$q" "$(QUERY="$q" wrk -t1 -c1 -d"${SECONDS_PER_QUERY:-10}"s -s $out/page-search.lua \
      http://127.0.0.1:5094 | tail -1)"
  done
} | tee $out/page-search-results.txt
