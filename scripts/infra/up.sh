#!/usr/bin/env bash
# Starts everything the integration tests need. Idempotent.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/infra/postgres.sh" start
bash "$ROOT/scripts/infra/kafka.sh" start
bash "$ROOT/scripts/infra/kamailio.sh" start
