#!/usr/bin/env bash
# Times the importer on a synthetic 100,000-entry list (issue 2 §8):
#   1. import into an empty database, 2. re-import of the unchanged file;
# each with wall time and peak memory (max RSS) from GNU time. Results go to stdout and
# bench/out/import-results.txt. Run: bash bench/import.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
base="$(scripts/postgres.sh start)"
db="cnl_bench_import"
admin="postgresql://portal:portal-dev@127.0.0.1:${PORTAL_PG_PORT:-55432}/postgres"
export PGPASSWORD=portal-dev

dotnet build ContainerNetLib.sln -c Release -nologo -v quiet
# The importer as it ships (see Dockerfile): published, ReadyToRun, so start-up is not spent in the JIT.
dotnet publish src/Importer -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o bench/out/importer -nologo -v quiet
list="bench/out/synthetic-100k.md"
[[ -f $list ]] || dotnet bench/Generator/bin/Release/net10.0/ContainerNetLib.Bench.Generator.dll 100000 200 "$list"

psql "$admin" -qc "drop database if exists $db with (force)" -c "create database $db"
export ConnectionStrings__Portal="${base/Database=containernetlib/Database=$db}"
importer=(dotnet bench/out/importer/ContainerNetLib.Importer.dll)
"${importer[@]}" migrate

measure() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o bench/out/time.txt "$@" > bench/out/last-import.json
  read -r seconds kb < bench/out/time.txt
  printf '%-28s %7.2f s  peak RSS %5d MB  %s\n' "$label" "$seconds" "$((kb / 1024))" "$(cut -c1-160 bench/out/last-import.json)"
}

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
  measure "import into empty database" "${importer[@]}" import "$list" --json
  measure "re-import unchanged file" "${importer[@]}" import "$list" --json
  measure "re-import unchanged, again" "${importer[@]}" import "$list" --json
} | tee bench/out/import-results.txt
