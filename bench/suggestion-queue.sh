#!/usr/bin/env bash
# The editors' suggestion queue with 1,000 suggestions waiting (issue 24 §4: under 200 ms): /admin/suggestions fetched
# by a signed-in editor 30 times after 10 warm-up fetches, each one's time to the last byte (curl's time_total) with
# the whole queue rendered on the server. Each suggestion has 1 to 3 members. Runs the portal from its build output
# (dotnet build first). Run: bash bench/suggestion-queue.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
base="$(scripts/postgres.sh start)"
port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base")"
export PGPASSWORD=portal-dev
admin="postgresql://portal:portal-dev@127.0.0.1:$port/postgres"
db=cnl_bench_suggestions
dbUrl="postgresql://portal:portal-dev@127.0.0.1:$port/$db"
out=bench/out; mkdir -p $out
web=http://127.0.0.1:5095
pid=""
trap '[[ -n $pid ]] && kill $pid 2>/dev/null || true' EXIT

psql "$admin" -qc "drop database if exists $db with (force)" -c "create database $db" >/dev/null
export ConnectionStrings__Portal="${base/Database=containernetlib/Database=$db}"
importer=(dotnet src/Importer/bin/Release/net10.0/ContainerNetLib.Importer.dll)
"${importer[@]}" migrate >/dev/null
"${importer[@]}" import seeds/container-networking.md >/dev/null
for who in editor m1 m2 m3; do
  role=Reader; [[ $who == editor ]] && role=Editor
  printf 'a long enough password\n' |
    "${importer[@]}" users add "$who@example.org" --role $role --password-stdin >/dev/null 2>&1
done
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

Portal__Role=web ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
  dotnet src/Portal/bin/Release/net10.0/ContainerNetLib.Portal.dll --urls $web >$out/portal-suggestions.log 2>&1 &
pid=$!
for _ in $(seq 1 150); do curl -sf -o /dev/null $web/healthz/ready && break; sleep 0.2; done
jar=$(mktemp)
token=$(curl -sf -c "$jar" -b "$jar" "$web/account/login?local=true" |
  grep -o 'name="__RequestVerificationToken" value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/')
curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "_handler=login" --data-urlencode "Input.Email=editor@example.org" \
  --data-urlencode "Input.Password=a long enough password" "$web/account/login"
fetch() { curl -s -o $out/suggestion-queue.html -w '%{http_code} %{time_total}\n' -b "$jar" "$web/admin/suggestions"; }
for _ in $(seq 1 10); do fetch >/dev/null; done
for _ in $(seq 1 30); do fetch; done | awk '$1 != 200 {bad++} {print $2 * 1000}' | sort -n >$out/suggestion-times.txt
shown=$(grep -c 'data-testid="suggestion"' $out/suggestion-queue.html || true)
{
  echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); suggestions on the page: $shown"
  awk '{t[NR]=$1} END {printf "30 fetches: median %.1f ms, p95 %.1f ms, max %.1f ms\n", t[int(NR/2)+1],
    t[int(NR*0.95)], t[NR]}' $out/suggestion-times.txt
} | tee $out/suggestion-queue-results.txt
