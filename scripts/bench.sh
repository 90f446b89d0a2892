#!/usr/bin/env bash
# `npm run bench` (issue 7): starts the infrastructure the benchmark needs (Kafka, Kamailio; the
# machine's PostgreSQL is checked), runs bench/run.ts with the given options (--quick,
# --skip-wake, --skip-embedded, --skip-pipeline), and stops only what this run started.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1

started=()
for svc in kafka kamailio; do bash "scripts/infra/$svc.sh" status >/dev/null 2>&1 || started+=("$svc"); done
cleanup() { for svc in "${started[@]}"; do bash "scripts/infra/$svc.sh" stop || true; done; }
trap cleanup EXIT
bash scripts/infra/up.sh

node -r ./scripts/ts-register.cjs bench/run.ts "$@"
