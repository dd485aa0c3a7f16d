#!/usr/bin/env bash
# Recorded link-health runs on a faulty farm (issue 12 §7), through `link-run`, the nightly job's own code:
#   1. 5 % of the hosts refuse connections and 2 % of the pages answer 404: the run must be conclusive with exact
#      counts, at no less than 0.85 of the farm's ceiling (64 in flight / 50 ms = 1,280 checks/s);
#   2. every host refuses: the run must be inconclusive, and finish in under 30 s thanks to the per-host skip.
# 10,000 URLs on 200 ports of 127.0.0.1; a private PostgreSQL database (cnl_bench) holds the list and the runs.
# Run: bash bench/link-faults.sh   (also run at the end of bench/links.sh; results in bench/out/link-faults.txt)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p bench/out

hosts=200 per_host=50 delay=50 base=21000 n=10000
[[ -f bench/out/importer/ContainerNetLib.Importer.dll ]] ||
  dotnet publish src/Importer -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o bench/out/importer -nologo -v quiet
importer() { dotnet bench/out/importer/ContainerNetLib.Importer.dll "$@"; }

export ConnectionStrings__Portal="$(PORTAL_PG_DB=cnl_bench scripts/postgres.sh start)"
importer migrate >/dev/null

# The same politeness as the checker comparison in links.sh; chunks of 2,500 URLs (50 hosts) so that the
# job server's four workers can fill the 64 slots; a link counts as broken after one failed run, so that
# "broken" can be checked exactly.
export LinkHealth__AllowedNetworks__0=127.0.0.0/8 LinkHealth__ArchiveBaseUrl= LinkHealth__ChunkSize=2500
export LinkHealth__Politeness__PerHost=2 LinkHealth__Politeness__Overall=64 LinkHealth__Politeness__MinDelayPerHost=00:00:00
export LinkHealth__FailuresBeforeBroken=1
for ((h = 0; h < hosts; h++)); do export "LinkHealth__AllowedPorts__$h=$((base + h))"; done

farm=""
start_farm() { # environment for farm.js...
  [[ -n $farm ]] && { kill "$farm" 2>/dev/null || true; wait "$farm" 2>/dev/null || true; }
  # Also when the farm was started by another (sub)shell, which cannot wait for it: until its ports are free.
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$((base - 1))/served" >/dev/null || break; sleep 0.1; done
  env "$@" node bench/linkfarm/farm.js $hosts $per_host $delay $base > bench/out/farm.log 2>&1 &
  farm=$!
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$((base - 1))/served" >/dev/null && return; sleep 0.2; done
  echo "the farm did not start" >&2; exit 1
}
trap '[[ -n $farm ]] && kill $farm 2>/dev/null || true' EXIT

start_farm FARM_REFUSE_EVERY=0
{ printf '# Farm\n\n## Farm\n\n'; awk '{ printf "* [Page %d](%s)\n", NR, $0 }' bench/out/farm-urls.txt; } > bench/out/farm-list.md
importer import bench/out/farm-list.md >/dev/null

run() { # label, expected exit code, farm environment...
  local label="$1" expected="$2"; shift 2
  start_farm "$@"
  local began ended code=0
  began=$(date +%s.%N)
  importer link-run --json > "bench/out/link-run-$label.json" 2> "bench/out/link-run-$label.err" || code=$?
  ended=$(date +%s.%N)
  [[ $code == "$expected" ]] || { echo "link-run ($label) exited $code, expected $expected" >&2; cat "bench/out/link-run-$label.err" >&2; }
  local id; id=$(sed -n 's/.*"runId":\([0-9]*\).*/\1/p' "bench/out/link-run-$label.json")
  # The checking phase: from the run's start (its URL list stored) to its last result; the verdict and the
  # links' states at the end are in the wall time only.
  local phase; phase=$(psql -At "$(pg_url)" -c "select extract(epoch from max(c.checked_at) - r.started_at) from check_results c
    join check_runs r on r.id = c.run_id where r.id = $id group by r.started_at")
  awk -v l="$label" -v b="$began" -v e="$ended" -v p="$phase" -v n=$n -v code=$code \
    'BEGIN { w = e - b; printf "%-22s exit %d, %5.1f s wall, %5.1f s checking = %5.0f checks/s (%.2f of the 1,280/s ceiling)\n", l, code, w, p, n / p, n / p / 1280 }'
  echo "  $(cat "bench/out/link-run-$label.json")"
}

pg_url() { # the connection string as a libpq URI for psql
  local s="$ConnectionStrings__Portal" host port db user pass
  host=$(sed -n 's/.*Host=\([^;]*\).*/\1/p' <<<"$s"); port=$(sed -n 's/.*Port=\([^;]*\).*/\1/p' <<<"$s")
  db=$(sed -n 's/.*Database=\([^;]*\).*/\1/p' <<<"$s"); user=$(sed -n 's/.*Username=\([^;]*\).*/\1/p' <<<"$s")
  pass=$(sed -n 's/.*Password=\([^;]*\).*/\1/p' <<<"$s")
  echo "postgresql://$user:$pass@$host:$port/$db"
}

# Output to the file as well, without a pipe: a pipeline would run the runs in a subshell that cannot stop its farms.
exec > >(tee bench/out/link-faults.txt)
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "farm: $n URLs on $hosts ports, ${delay} ms per answer; link-run with 2 per host, 64 overall, chunks of 2,500"
  run "5%-refused-2%-404" 0 FARM_REFUSE_EVERY=20 FARM_404_EVERY=50
  echo "  expected: Conclusive; failed 690 (500 refused: 10 hosts x 50, 190 404s: one page in 50 on 190 hosts), ok 9310"
  run "all-refused" 4 FARM_REFUSE_ALL=1
  echo "  expected: Inconclusive, 10000 failed, no state moved (broken stays what the first run left), under 30 s"
}
