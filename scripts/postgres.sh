#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for development and tests.
#   scripts/postgres.sh start   install (if missing), initialise, start, create the database; prints the connection string
#   scripts/postgres.sh stop    stop the cluster
#   scripts/postgres.sh url     print the connection string
# When ConnectionStrings__Portal is already set, nothing is started: that database is used.
# Settings (environment): PORTAL_PG_PORT (55432), PORTAL_PG_DATA (.data/postgres), PORTAL_PG_DB (containernetlib).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# PostgreSQL runs as the postgres user, who must reach its data folder through every parent folder. A checkout
# inside a private folder (mktemp -d makes them 0700) keeps its cluster under /var/lib/postgresql instead, one
# folder per checkout path, so url and stop find it again.
default_base() {
  if id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$root" 2>/dev/null; then
    echo "/var/lib/postgresql/cnl-$(printf '%s' "$root" | md5sum | cut -c1-12)"
  else
    echo "$root/.data/postgres"
  fi
}
base="${PORTAL_PG_DATA:-$(default_base)}"
# The port this cluster was first started on is remembered, so url and stop find it again.
if [[ -n ${PORTAL_PG_PORT:-} ]]; then port="$PORTAL_PG_PORT"
elif [[ -f $base/port ]]; then port="$(cat "$base/port")"
else port=55432; fi
data="$base/cluster"
sockets="$base/sockets"
db="${PORTAL_PG_DB:-containernetlib}"
user="portal"
password="portal-dev"
bin="/usr/lib/postgresql/15/bin"

url() { echo "Host=127.0.0.1;Port=$port;Database=$db;Username=$user;Password=$password"; }
say() { echo "postgres.sh: $*" >&2; }

as_postgres() {
  if [[ $(id -un) == postgres ]]; then "$@"; else runuser -u postgres -- "$@"; fi
}

install_server() {
  [[ -x $bin/initdb ]] && return
  say "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >/dev/null
  # Debian starts its own cluster on 5432; this project uses only its private one.
  service postgresql stop >/dev/null 2>&1 || true
}

running() { [[ -f $data/postmaster.pid ]] && as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

start() {
  if [[ -n ${ConnectionStrings__Portal:-} ]]; then
    say "ConnectionStrings__Portal is set; using that database"
    echo "$ConnectionStrings__Portal"
    return
  fi
  install_server
  # Known only now on a new machine: the postgres user came with the package.
  if [[ -z ${PORTAL_PG_DATA:-} ]]; then base="$(default_base)"; data="$base/cluster"; sockets="$base/sockets"; fi
  mkdir -p "$base"
  # The postgres user must be able to reach the folder through every parent.
  chown postgres:postgres "$base"
  if [[ ! -f $data/PG_VERSION ]]; then
    say "initialising a cluster in $data"
    local pwfile; pwfile="$(mktemp)"; echo "$password" >"$pwfile"; chown postgres "$pwfile"
    as_postgres "$bin/initdb" -D "$data" -U postgres --auth=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  as_postgres mkdir -p "$sockets"
  if ! running && [[ -z ${PORTAL_PG_PORT:-} ]]; then
    # Another checkout's cluster (or anything else) may hold the port: take the next free one.
    while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  fi
  echo "$port" > "$base/port"
  if ! running; then
    as_postgres "$bin/pg_ctl" -D "$data" -l "$base/postgres.log" -w -t 60 \
      -o "-p $port -k $sockets -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  fi
  local psql=(env PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  for _ in $(seq 1 60); do "${psql[@]}" -c "select 1" >/dev/null 2>&1 && break; sleep 0.5; done
  if [[ -z $("${psql[@]}" -c "select 1 from pg_roles where rolname = '$user'") ]]; then
    "${psql[@]}" -c "create role $user login createdb password '$password'"
  fi
  if [[ -z $("${psql[@]}" -c "select 1 from pg_database where datname = '$db'") ]]; then
    "${psql[@]}" -c "create database $db owner $user"
  fi
  say "PostgreSQL is accepting connections on 127.0.0.1:$port"
  url
}

stop() {
  if running; then as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; say "stopped"; fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  url) if [[ -n ${ConnectionStrings__Portal:-} ]]; then echo "$ConnectionStrings__Portal"; else url; fi ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
