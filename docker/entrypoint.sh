#!/usr/bin/env bash
# Container start: migrate, import the seed on the first start only (an empty list), serve.
set -euo pipefail
importer=(dotnet /app/importer/ContainerNetLib.Importer.dll)
"${importer[@]}" migrate
if [[ "${IMPORT_SEED_ON_FIRST_START:-true}" == true && -z "$("${importer[@]}" export)" ]]; then
  "${importer[@]}" import /app/seeds/container-networking.md
fi
exec dotnet /app/portal/ContainerNetLib.Portal.dll
