#!/usr/bin/env bash
# Runs every test project against a private PostgreSQL (installed and started when needed) and
# ends with one line: "N passed, N failed" (", N skipped" when any were skipped).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

logs="$(mktemp -d)"
passed=0 failed=0 skipped=0 status=0

# Each failure again, name and the first lines of its message, just above the closing line: CI keeps
# only the end of a long run's output.
failures() {
  local log
  for log in "$logs"/*.Tests.log; do
    [[ -e $log ]] || continue
    awk '/^failed / { n = 12 } n > 0 { print; n-- }' "$log"
  done
}

finish() {
  local line="$passed passed, $failed failed"
  if (( failed > 0 )); then echo "== failures"; failures; fi
  (( skipped > 0 )) && line+=", $skipped skipped"
  echo "$line"
  (( failed > 0 || status != 0 )) && exit 1
  exit 0
}

# Browser tests drive Debian's chromium through Playwright; no browser is ever downloaded.
if [[ ! -x /usr/bin/chromium ]]; then
  echo "installing Debian's chromium for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

# The single sign-on tests run a real OpenID provider (npm's oidc-provider) from tests/OidcProvider.
if ! command -v npm >/dev/null; then
  echo "installing Debian's nodejs and npm for the test OpenID provider" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
# Debian 12's own nodejs is 18; oidc-provider needs 20.19 or later: npm serves that Node as a package too.
if (( $(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0) < 20 )); then
  echo "installing Node 20 from npm into .data/node (this machine's node is $(node -v 2>/dev/null || echo missing))" >&2
  npm install --prefix .data/node --no-audit --no-fund --silent node@20.20.2 >/dev/null
  export PATH="$PWD/.data/node/node_modules/.bin:$PATH"
fi
# npm ci starts from nothing; it is needed only when the lock changed since the last install.
if [[ tests/OidcProvider/package-lock.json -nt tests/OidcProvider/node_modules/.package-lock.json ]] \
  && ! (cd tests/OidcProvider && npm ci --no-audit --no-fund --silent); then
  echo "npm ci in tests/OidcProvider failed: the single sign-on tests need its oidc-provider" >&2
  failed=1; finish
fi

if ! ConnectionStrings__Portal="$(scripts/postgres.sh start)"; then
  echo "PostgreSQL could not be started; see .data/postgres/postgres.log" >&2
  failed=1; finish
fi
export ConnectionStrings__Portal

if ! dotnet build ContainerNetLib.sln -c Release -nologo -v quiet >"$logs/build.log" 2>&1; then
  cat "$logs/build.log"
  echo "The build failed." >&2
  failed=1; finish
fi

for project in tests/*/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  echo "== $name"
  dotnet test --project "$project" -c Release --no-build 2>&1 | tee "$logs/$name.log"
  code=${PIPESTATUS[0]}
  counts() { grep -E "^\s*$1:\s*[0-9]+" "$logs/$name.log" | tail -1 | grep -oE '[0-9]+' || echo 0; }
  total=$(counts total); fail=$(counts failed); ok=$(counts succeeded); skip=$(counts skipped)
  if [[ $total == 0 && $code != 0 ]]; then fail=1; fi   # crashed before reporting: count it as a failure
  passed=$((passed + ok)); failed=$((failed + fail)); skipped=$((skipped + skip))
  (( code != 0 )) && status=1
done
finish
