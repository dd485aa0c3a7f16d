#!/usr/bin/env bash
# Text limits and Markdown cost (issue 21 §2 and §8), the probes repeated against a running portal and the importer:
#   1. sixteen POST /api/entries with a 10 MB title: each status, the portal's memory (RSS) before and after, the
#      overview page's and the feed's size before and after;
#   2. import --dry-run of lists nested 1,000 and 5,000 levels deep (1 MB and 25 MB): wall time and exit code;
#   3. import --dry-run of 25 MB lists made of Markdig's pathological inputs kept just under every limit, beside a
#      25 MB list of ordinary entries: the cost must grow with the file, not faster.
# The big files are generated here (bench/out), never committed. Results go to stdout and
# bench/out/text-limits-results.txt. Run: bash bench/text-limits.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

command -v /usr/bin/time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
base="$(scripts/postgres.sh start)"
db="cnl_bench_text"
# postgres.sh moves to the next free port when 55432 is taken: the port is the one it answered with.
admin="postgresql://portal:portal-dev@127.0.0.1:$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base")/postgres"
export PGPASSWORD=portal-dev
out=bench/out
mkdir -p "$out"

dotnet build ContainerNetLib.sln -c Release -nologo -v quiet
psql "$admin" -qc "drop database if exists $db with (force)" -c "create database $db"
export ConnectionStrings__Portal="${base/Database=containernetlib/Database=$db}"
importer=(dotnet src/Importer/bin/Release/net10.0/ContainerNetLib.Importer.dll)
"${importer[@]}" migrate
"${importer[@]}" import seeds/container-networking.md > /dev/null
printf '%s\n' "bench-password-long-enough" | "${importer[@]}" users add bench@example.org --role Editor --password-stdin
token="$("${importer[@]}" tokens create bench@example.org --name bench --scope write 2>/dev/null)"

port="${BENCH_PORT:-5098}"
url="http://127.0.0.1:$port"
# Started from its project folder (its content root), as scripts/run.sh does, but as the process itself: its RSS
# is the portal's.
(cd src/Portal && Api__WritesPerMinute=1000 Portal__LogFormat=Text \
  exec dotnet bin/Release/net10.0/ContainerNetLib.Portal.dll --urls "$url") > "$out/text-limits-portal.log" 2>&1 &
portal=$!
trap 'kill "$portal" 2>/dev/null || true' EXIT
for _ in $(seq 120); do curl -fsS "$url/healthz/live" > /dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$url/healthz/live" > /dev/null || { echo "the portal never answered on $url" >&2; exit 1; }

rss() { awk '/VmRSS/ { printf "%d MB", $2 / 1024 }' "/proc/$portal/status"; }
size() { curl -s "$url$1" | wc -c; }

python3 - "$out/ten-mb-title.json" <<'EOF'
import json, sys
with open(sys.argv[1], "w") as f:
    json.dump({"url": "https://bench.example/ten-mb", "section": "overview", "title": "T" * (10 * 1024 * 1024),
               "description": "d"}, f)
EOF

{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB," \
    "$(lscpu | sed -n 's/^Model name: *//p'); load $(cut -d' ' -f1-3 /proc/loadavg)"
  # A first read of each page, so that "before" is a warm portal, not one still starting.
  size / > /dev/null; size /feed.atom > /dev/null
  echo "before: portal RSS $(rss), overview page $(size /) bytes, feed $(size /feed.atom) bytes"
  # Twice sixteen: memory that stays where the first round left it is garbage the runtime keeps, not growth.
  for round in 1 2; do
    codes=""
    for _ in $(seq 16); do
      codes+="$(curl -s -o "$out/ten-mb-answer.json" -w '%{http_code}' -X POST "$url/api/entries" \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary "@$out/ten-mb-title.json") "
    done
    echo "round $round, sixteen 10 MB titles: $codes"
    echo "after round $round: portal RSS $(rss), overview page $(size /) bytes, feed $(size /feed.atom) bytes"
  done
  echo "answer: $(cut -c1-300 "$out/ten-mb-answer.json")"
  echo "entries with a title over 500 characters: $(psql "${admin%/postgres}/$db" -tAc \
    'select count(*) from entries where length(title) > 500')"
} | tee "$out/text-limits-results.txt"
kill "$portal" 2>/dev/null || true

python3 - "$out" <<'EOF'
import sys
out = sys.argv[1]
def write(name, text):
    with open(f"{out}/{name}.md", "w") as f: f.write(text)
def nested(levels):
    return "# Deep\n\n" + "".join(" " * (2 * i) + "* level\n" for i in range(levels))
write("nested-1000", nested(1000))
write("nested-5000", nested(5000))
size = 25 * 1024 * 1024
def fill(paragraph, separator="\n"):
    unit = paragraph + separator
    return "# Costly\n\n" + unit * (size // len(unit))
# Each just under its limit: 32 nested levels, 63 open parentheses on a line, 256 emphasis marks in a paragraph,
# 32 open brackets, 64 HTML comments; 9,999 definitions (a document's limit) before ordinary entries.
write("under-depth", "# Costly\n\n" + "".join(" " * (2 * i) + "* level\n" for i in range(32)) * (size // 1200))
write("under-parentheses", fill("* " + "[a](b" * 63))
write("under-emphasis", fill("* " + "_a " * 128 + "a_ " * 128))
write("under-brackets", fill("* " + "[" * 32 + "a" + "]" * 32))
write("under-comments", fill("* " + "<!--" * 64))
ordinary = ("* 2024-01-31: [An ordinary entry](https://ordinary.example/a/long/path) "
            "by [Ann](https://ann.example/): a description of *some* length with `code`")
write("ordinary", fill(ordinary))
definitions = "".join(f"[d{i}]: https://d.example/{i}\n" for i in range(9_999)) + "\n"
write("under-definitions", definitions + fill(ordinary)[:size - len(definitions)].rsplit("\n", 1)[0] + "\n")
EOF

measure() {
  local file="$1"
  set +e
  /usr/bin/time -f "%e %M %U %S" -o "$out/time.txt" "${importer[@]}" import "$out/$file.md" --dry-run \
    > "$out/last.txt" 2>&1
  local code=$?
  set -e
  # GNU time writes "Command exited with non-zero status N" first when the command fails.
  read -r seconds kb user system < <(tail -n 1 "$out/time.txt")
  printf '%-18s %3d MB %7.2f s wall %7.2f s CPU  peak RSS %5d MB  exit %d  %s\n' "$file" \
    "$(( $(stat -c %s "$out/$file.md") / 1048576 ))" "$seconds" "$(echo "$user + $system" | bc)" \
    "$((kb / 1024))" "$code" "$(grep -m1 -E 'error|Would import' "$out/last.txt" | cut -c1-100)"
}

{
  measure nested-1000
  measure nested-5000
  for file in ordinary under-depth under-parentheses under-emphasis under-brackets under-comments under-definitions; do
    measure "$file"
  done
} | tee -a "$out/text-limits-results.txt"
