#!/usr/bin/env bash
# Backup and restore drill (issue 6 §4): dumps the portal's database with pg_dump, restores the dump
# into a scratch database, and checks that the restored list exports byte for byte as the original
# and that every table holds as many rows. Exits non-zero, with one line saying what differs, if not.
#
#   scripts/backup-drill.sh                 the database of ConnectionStrings__Portal, or the dev cluster's
#   BACKUP_DIR=/srv/backups scripts/backup-drill.sh   where the dump is kept (default: backups/)
#   IMPORTER="dotnet /app/importer/ContainerNetLib.Importer.dll"   the importer to export with
#
# With Compose, run it on the host against the published port, or use the pg_dump/pg_restore lines
# of docs/deployment.md inside the postgres container.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cs="$(scripts/postgres.sh url 2>/dev/null)"
[[ -n ${ConnectionStrings__Portal:-} ]] && cs="$ConnectionStrings__Portal"
field() { tr ';' '\n' <<<"$cs" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { sub(/^[^=]*=/, ""); print; exit }'; }
host="$(field Host)"; port="$(field Port)"; db="$(field Database)"; user="$(field Username)"
export PGPASSWORD="$(field Password)" PGOPTIONS="-c client_min_messages=warning"
port="${port:-5432}"
bin=/usr/lib/postgresql/15/bin
[[ -x $bin/pg_dump ]] || bin="$(dirname "$(command -v pg_dump)")"
importer=(${IMPORTER:-dotnet run --no-build -c Release --project src/Importer --})
backups="${BACKUP_DIR:-backups}"
mkdir -p "$backups"
dump="$backups/$db-$(date -u +%Y%m%dT%H%M%SZ).dump"
scratch="${db}_restore_drill"
psql=("$bin/psql" -h "$host" -p "$port" -U "$user" -v ON_ERROR_STOP=1 -qtA)

echo "backup: pg_dump of $db on $host:$port to $dump"
"$bin/pg_dump" -h "$host" -p "$port" -U "$user" -Fc -f "$dump" "$db"

echo "restore: into the scratch database $scratch"
"${psql[@]}" -d "$db" -c "drop database if exists $scratch with (force)" -c "create database $scratch"
trap '"${psql[@]}" -d "$db" -c "drop database if exists $scratch with (force)" >/dev/null 2>&1 || true' EXIT
"$bin/pg_restore" -h "$host" -p "$port" -U "$user" --no-owner --no-comments --exit-on-error -d "$scratch" "$dump"

echo "verify: the list as Markdown, and the rows of every table"
original="$(mktemp)"; restored="$(mktemp)"
ConnectionStrings__Portal="$cs" "${importer[@]}" export > "$original"
ConnectionStrings__Portal="${cs/Database=$db/Database=$scratch}" "${importer[@]}" export > "$restored"
if ! cmp -s "$original" "$restored"; then
  echo "drill FAILED: the restored list exports differently ($(diff "$original" "$restored" | head -c 300))" >&2
  exit 1
fi
counts() {
  "${psql[@]}" -d "$1" -c "select string_agg(format('%s.%s=%s', schemaname, relname, n), ' ' order by schemaname, relname) from (
      select n.nspname as schemaname, c.relname, (xpath('/row/c/text()', query_to_xml(format('select count(*) as c from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::bigint as n
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname in ('public', 'hangfire')) t"
}
before="$(counts "$db")"; after="$(counts "$scratch")"
if [[ "$before" != "$after" ]]; then
  echo "drill FAILED: row counts differ: $(diff <(tr ' ' '\n' <<<"$before") <(tr ' ' '\n' <<<"$after") | grep '^[<>]' | head -5 | tr '\n' ' ')" >&2
  exit 1
fi
echo "drill passed: $(wc -c < "$original") bytes of Markdown identical, $(wc -w <<<"$before") tables with the same row counts; dump kept at $dump"
rm -f "$original" "$restored"
