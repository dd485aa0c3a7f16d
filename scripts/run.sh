#!/usr/bin/env bash
# Starts the portal with the seed imported, on http://127.0.0.1:5080 (PORTAL_URL to change).
# Installs and starts PostgreSQL when ConnectionStrings__Portal is not set (see scripts/postgres.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

url="${PORTAL_URL:-http://127.0.0.1:5080}"
ConnectionStrings__Portal="$(scripts/postgres.sh start)"
export ConnectionStrings__Portal

dotnet build ContainerNetLib.sln -c Release -nologo -v quiet
importer=(dotnet run --no-build -c Release --project src/Importer --)
"${importer[@]}" migrate
"${importer[@]}" import seeds/container-networking.md

echo "ContainerNetLib is starting on $url (Ctrl+C to stop)." >&2
if [[ -z "$("${importer[@]}" users list)" ]]; then
  echo "No editors yet. Create the first administrator (the password is read from standard input):" >&2
  echo "  export ConnectionStrings__Portal='$ConnectionStrings__Portal'" >&2
  echo "  read -rs PW && printf '%s\n' \"\$PW\" | dotnet run --project src/Importer -- users add you@example.org --role Admin --password-stdin" >&2
fi
# Readable log lines for a person at a terminal; the portal writes JSON by default (containers, production).
Portal__LogFormat="${Portal__LogFormat:-Text}" exec dotnet run --no-build -c Release --project src/Portal -- --urls "$url"
