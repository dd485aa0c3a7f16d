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

# Issue 23 §6: the same 100,000 entries written as table rows and as HTML passages (200 sections of 500).
tables="bench/out/synthetic-100k-tables.md"
html="bench/out/synthetic-100k-html.md"
[[ -f $tables ]] || python3 - "$tables" "$html" <<'PY'
import sys
tables, html = open(sys.argv[1], "w"), open(sys.argv[2], "w")
for s in range(200):
    tables.write(f"# Section {s}\n\n| Title | Topic | Year | Author |\n|---|---|---|---|\n")
    html.write(f"# Section {s}\n\n")
    for i in range(500):
        n = s * 500 + i
        tables.write(f"| [Entry {s}-{i}](https://bulk.example/{s}/{i}) | networking {n % 37} | {2000 + n % 25} "
                     f"| [A B](https://a.example/{n % 1000}) |\n")
        html.write(f'<p><a href="https://bulk.example/{s}/{i}">Entry {s}-{i}</a> - networking {n % 37} by '
                   f'<a href="https://a.example/{n % 1000}">A B</a></p>\n\n')
    tables.write("\n")
PY

fresh() {
  psql "$admin" -qc "drop database if exists $db with (force)" -c "create database $db"
  "${importer[@]}" migrate > /dev/null
}

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
  measure "import into empty database" "${importer[@]}" import "$list" --json
  measure "re-import unchanged file" "${importer[@]}" import "$list" --json
  measure "re-import unchanged, again" "${importer[@]}" import "$list" --json
  fresh
  measure "bullets, empty database" "${importer[@]}" import "$list" --json
  fresh
  measure "table rows, empty database" "${importer[@]}" import "$tables" --json
  measure "table rows, re-import" "${importer[@]}" import "$tables" --json
  fresh
  measure "HTML passages, empty database" "${importer[@]}" import "$html" --json
  measure "HTML passages, re-import" "${importer[@]}" import "$html" --json
} | tee bench/out/import-results.txt
