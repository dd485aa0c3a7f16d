# Sourced by the bench scripts that run the portal from its build output (dotnet build first) on a database of their
# own: the PostgreSQL cluster of scripts/postgres.sh, wrk, the importer, and the portal started and stopped.
#   bench_database NAME   a fresh database NAME, migrated; sets port, admin, dbUrl, importer and
#                         ConnectionStrings__Portal
#   bench_user EMAIL ROLE an account with the benches' password ("a long enough password")
#   start_portal URL LOG  the portal (web role, Production, warnings only) on URL, waits until it is ready; the
#                         caller's environment (Portal__Readers, ...) passes through; a running one is stopped first
source "$(dirname "${BASH_SOURCE[0]}")/sign-in.sh"
command -v wrk >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq;
  apt-get install -y -qq --no-install-recommends wrk >/dev/null; }
export PGPASSWORD=portal-dev
out=bench/out; mkdir -p $out
importer=(dotnet src/Importer/bin/Release/net10.0/ContainerNetLib.Importer.dll)
pid=""
trap '[[ -n $pid ]] && kill $pid 2>/dev/null || true' EXIT

bench_database() {
  local base
  base="$(scripts/postgres.sh start)"
  port="$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$base")"
  admin="postgresql://portal:portal-dev@127.0.0.1:$port/postgres"
  dbUrl="postgresql://portal:portal-dev@127.0.0.1:$port/$1"
  psql "$admin" -qc "drop database if exists $1 with (force)" -c "create database $1" >/dev/null
  export ConnectionStrings__Portal="${base/Database=containernetlib/Database=$1}"
  "${importer[@]}" migrate >/dev/null
}

bench_user() {
  printf 'a long enough password\n' | "${importer[@]}" users add "$1" --role "$2" --password-stdin >/dev/null 2>&1
}

start_portal() {
  [[ -n $pid ]] && { kill $pid; wait $pid 2>/dev/null || true; }
  Portal__Role=web ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
    dotnet src/Portal/bin/Release/net10.0/ContainerNetLib.Portal.dll --urls "$1" >"$2" 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do curl -sf -o /dev/null "$1/healthz/ready" && return; sleep 0.2; done
  echo "the portal never answered on $1" >&2; exit 1
}
