#!/usr/bin/env bash
# The personal endpoint (issue 24 §4): GET /account/marks for a member with 10,000 read marks on the 100,000-entry
# synthetic list, p50/p95/p99 at 1 and 4 connections (wrk, 20 s each after a 20 s warm-up at the same load), in two
# forms: a section page's marks (?section=, the section with the most entries) and the home page's new counts per
# section (no section). The member's previous visit ended before the import, so every entry not marked read is new:
# the worst case for the counts. Then the usual case: the previous visit ended a minute ago and the 300 newest entries
# came after it (their created_at moved to now), home page's counts again. Public mode, the member a reader. Runs the portal and importer from their build
# output (dotnet build first). Run: bash bench/marks.sh   (results also in bench/out/marks-results.txt)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/bench-setup.sh
web=http://127.0.0.1:5098
[[ -f $out/synthetic-100k.md ]] || { dotnet build bench/Generator -c Release -nologo -v quiet;
  dotnet bench/Generator/bin/Release/net10.0/ContainerNetLib.Bench.Generator.dll 100000 200 $out/synthetic-100k.md; }
bench_database cnl_bench_marks
"${importer[@]}" import $out/synthetic-100k.md >/dev/null
bench_user member@example.org Reader
start_portal $web $out/portal-marks.log
cookie=$(sign_in $web /account/login member@example.org)

# 10,000 read marks spread over the whole list (every tenth entry), and a previous visit from before the import.
psql "$dbUrl" -q <<SQL
insert into member_visits (user_id, previous_visit_ended_at, last_seen_at)
  select id, now() - interval '1 day', now() from users where email = 'member@example.org';
insert into read_marks (user_id, entry_id, read, marked_at)
  select u.id, e.id, true, now() from users u,
    (select id from entries where id % 10 = 0 order by id limit 10000) e where u.email = 'member@example.org';
analyze read_marks; analyze member_visits;
SQL
section=$(psql "$dbUrl" -Atc 'select section_id from entries group by section_id order by count(*) desc, 1 limit 1')
marks=$(psql "$dbUrl" -Atc 'select count(*) from read_marks')
entries=$(psql "$dbUrl" -Atc 'select count(*) from entries')
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$web/account/marks") == 200 ]] ||
  { echo "the personal endpoint did not answer 200" >&2; exit 1; }

cat > $out/percentiles.lua <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("%.0f req/s  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  non-2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status))
end
LUA
run() { # label, connections, path
  local threads=$(( $2 < 2 ? 1 : 2 ))
  wrk -t$threads -c"$2" -d20s -H "Cookie: $cookie" "$web$3" >/dev/null
  printf '%-46s %s\n' "$1" "$(wrk -t$threads -c"$2" -d20s -s $out/percentiles.lua -H "Cookie: $cookie" "$web$3" |
    tail -1)"
}
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $entries entries, $marks read marks;" \
  "section $section" | tee $out/marks-results.txt
for c in 1 4; do
  run "section page's marks, $c connection(s)" $c "/account/marks?section=$section" | tee -a $out/marks-results.txt
  run "home page's new counts, $c connection(s)" $c "/account/marks" | tee -a $out/marks-results.txt
done
psql "$dbUrl" -q >/dev/null <<SQL
update entries set created_at = now() where id > (select max(id) - 300 from entries);
update member_visits set previous_visit_ended_at = now() - interval '1 minute', last_seen_at = now();
analyze entries;
-- As an import would: the portal reads the entries' added moments again at the next content revision.
with bumped as (update reading_lists set revision = revision + 1 returning revision)
select pg_notify('content_changed', revision::text) from bumped;
SQL
sleep 1
for c in 1 4; do
  run "section page's marks, 300 new, $c connection(s)" $c "/account/marks?section=$section" |
    tee -a $out/marks-results.txt
  run "home page's counts, 300 new, $c connection(s)" $c "/account/marks" | tee -a $out/marks-results.txt
done
