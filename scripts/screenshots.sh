#!/usr/bin/env bash
# Refreshes docs/screenshots/ (shown in the README) from the browser tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ConnectionStrings__Portal="$(scripts/postgres.sh start)"
export ConnectionStrings__Portal
export CNL_SCREENSHOTS_DIR=docs/screenshots
dotnet test --project tests/Browser.Tests -c Release
ls -1 docs/screenshots
