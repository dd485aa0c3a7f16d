#!/usr/bin/env bash
# The editors' suggestion queue with 1,000 suggestions waiting (issue 24 §4: under 200 ms): /admin/suggestions fetched
# by a signed-in editor 30 times after 10 warm-up fetches, each one's time to the last byte (curl's time_total) with
# the whole queue rendered on the server. Each suggestion has 1 to 3 members. Runs the portal from its build output
# (dotnet build first). Run: bash bench/suggestion-queue.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/bench-setup.sh
web=http://127.0.0.1:5095
bench_database cnl_bench_suggestions
"${importer[@]}" import seeds/container-networking.md >/dev/null
bench_user editor@example.org Editor
for who in m1 m2 m3; do bench_user "$who@example.org" Reader; done
psql "$dbUrl" -q <<'SQL'
insert into suggestions (url, normalized_url, section_id, title, description, why, check_outcome, check_status,
  page_title, state, created_at)
select 'https://suggested.example/page/' || n, 'https://suggested.example/page/' || n,
  (select id from sections order by id offset (n % (select count(*) from sections)) limit 1), 'Suggested page ' || n,
  'A description of page ' || n, 'Because it explains topic ' || n, 'Ok', 200, 'Page title ' || n, 'Pending',
  now() - n * interval '1 minute'
from generate_series(1, 1000) as n;
insert into suggestion_members (suggestion_id, user_id, added_at)
select s.id, u.id, s.created_at from suggestions s
join users u on u.email in ('m1@example.org', 'm2@example.org', 'm3@example.org')
where s.id % 3 >= (case u.email when 'm1@example.org' then 0 when 'm2@example.org' then 1 else 2 end);
SQL

start_portal $web $out/portal-suggestions.log
cookie=$(sign_in $web "/account/login?local=true" editor@example.org)
fetch() { curl -s -o $out/suggestion-queue.html -w '%{http_code} %{time_total}\n' -H "Cookie: $cookie" \
  "$web/admin/suggestions"; }
for _ in $(seq 1 10); do fetch >/dev/null; done
for _ in $(seq 1 30); do fetch; done | awk '$1 != 200 {bad++} {print $2 * 1000}' | sort -n >$out/suggestion-times.txt
shown=$(grep -c 'data-testid="suggestion"' $out/suggestion-queue.html || true)
{
  echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); suggestions on the page: $shown"
  awk '{t[NR]=$1} END {printf "30 fetches: median %.1f ms, p95 %.1f ms, max %.1f ms\n", t[int(NR/2)+1],
    t[int(NR*0.95)], t[NR]}' $out/suggestion-times.txt
} | tee $out/suggestion-queue-results.txt
