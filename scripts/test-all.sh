#!/usr/bin/env bash
# The README's test command (`npm test`): installs what the tests need, starts the real
# infrastructure (PostgreSQL, Kafka, Kamailio), runs lint, typecheck and every test suite,
# and stops what it started. CI (.ci/run) calls exactly this.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1
step() { printf '\n==> %s\n' "$*"; }

step "dependencies"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --prefer-offline
fi
bash scripts/infra/tools.sh

step "infrastructure"
# stop, at the end, only what this run started (a developer's running broker stays up)
started=()
for svc in kafka kamailio; do bash "scripts/infra/$svc.sh" status >/dev/null 2>&1 || started+=("$svc"); done
cleanup() { for svc in "${started[@]}"; do bash "scripts/infra/$svc.sh" stop || true; done; }
trap cleanup EXIT
bash scripts/infra/up.sh

# every check runs, so one report shows every failure; the exit status fails if any did
failed=()
check() { local name="$1"; shift; step "$name"; "$@" || failed+=("$name"); }

check "lint (module boundaries are errors)" npx nx run-many -t lint --outputStyle=static --parallel=2
check "typecheck" npx tsc -p tsconfig.json --noEmit
check "unit tests" npx jest --selectProjects unit --ci
check "integration and end-to-end tests (real Kafka, PostgreSQL, Kamailio)" npx jest --selectProjects integration --ci --maxWorkers=2

if [ ${#failed[@]} -gt 0 ]; then
  printf '\nFAILED: %s\n' "${failed[@]}"
  exit 1
fi
printf '\nall checks passed\n'
