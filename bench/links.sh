#!/usr/bin/env bash
# Link checker throughput, side by side with linkinator (issue 4 §7): a farm of 10,000 URLs on 200
# ports of 127.0.0.1, each answering after 50 ms; both checkers with 64 requests in flight overall
# (ours also at most 2 per host, no minimum delay), one after the other in this run.
# Prints checks per second, the ratio, and each checker's peak RSS (GNU time).
# Run: bash bench/links.sh   (results also in bench/out/links-results.txt)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
command -v node >/dev/null || { apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null; }
mkdir -p bench/out
(cd bench/linkfarm && npm ci --no-audit --no-fund --silent)

# The checker as it ships (see Dockerfile): published, ReadyToRun.
dotnet publish src/Importer -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o bench/out/importer -nologo -v quiet

hosts=200 per_host=50 delay=50 base=21000
node bench/linkfarm/farm.js $hosts $per_host $delay $base > bench/out/farm.log 2>&1 &
farm=$!
trap 'kill $farm 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$((base - 1))/served" >/dev/null && break; sleep 0.2; done

measure() { # label, output file, command...
  local label="$1" out="$2"; shift 2
  /usr/bin/time -f "%e %M" -o bench/out/time.txt "$@" > "$out" 2> bench/out/last-stderr.txt || true
  read -r seconds kb < bench/out/time.txt
  echo "$label $seconds $kb"
}

inflight() { curl -s "http://127.0.0.1:$((base - 1))/served" | cut -d' ' -f2; }
reset() { curl -s "http://127.0.0.1:$((base - 1))/reset" >/dev/null; }
n=$((hosts * per_host))

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
  echo "farm: $n URLs on $hosts ports, ${delay} ms per answer; ceiling with 64 in flight: $((64 * 1000 / delay)) checks/s"

  reset
  read -r _ s1 kb1 < <(measure ours bench/out/links-ours.jsonl \
    dotnet bench/out/importer/ContainerNetLib.Importer.dll check-links --urls-file bench/out/farm-urls.txt \
      --allow-private --per-host 2 --overall 64 --min-delay-ms 0 --json)
  ok1=$(grep -c '"outcome":"Ok"' bench/out/links-ours.jsonl || true); max1=$(inflight)

  reset
  read -r _ s2 kb2 < <(measure bounded bench/out/links-linkinator-64.json \
    node bench/linkfarm/linkinator-bounded.mjs bench/out/farm-urls.txt 64)
  ok2=$(sed -n 's/.*"ok":\([0-9]*\).*/\1/p' bench/out/links-linkinator-64.json); max2=$(inflight)

  reset
  read -r _ s3 kb3 < <(measure cli bench/out/links-linkinator-cli.json \
    bench/linkfarm/node_modules/.bin/linkinator "http://127.0.0.1:$((base - 1))/" --concurrency 64 --format json)
  ok3=$(($(grep -o '"state": *"OK"' bench/out/links-linkinator-cli.json | wc -l) - 1)); max3=$(inflight)

  row() { awk -v l="$1" -v ok="$2" -v s="$3" -v kb="$4" -v m="$5" -v n="$n" \
    'BEGIN { printf "%-34s %5d OK of %d in %6.2f s = %5.0f checks/s, max in flight %5d, peak RSS %4d MB\n", l, ok, n, s, n / s, m, kb / 1024 }'; }
  row "ours (2/host, 64 overall)" "$ok1" "$s1" "$kb1" "$max1"
  row "linkinator 7.6.1, held to 64" "$ok2" "$s2" "$kb2" "$max2"
  row "linkinator 7.6.1 CLI --concurrency 64" "$ok3" "$s3" "$kb3" "$max3"
  awk -v a="$s1" -v b="$s2" 'BEGIN { printf "ours vs linkinator at the same concurrency (64 in flight): %.2fx\n", b / a }'
} | tee bench/out/links-results.txt

# Recorded runs on a faulty farm: verdicts, exact counts, the per-host skip (issue 12 §7).
kill $farm 2>/dev/null || true
bash bench/link-faults.sh
