#!/usr/bin/env bash
# Stops what up.sh started (by PID). PostgreSQL is the machine's own service and stays up.
source "$(dirname "$0")/lib.sh"
bash "$ROOT/scripts/infra/kamailio.sh" stop || true
bash "$ROOT/scripts/infra/kafka.sh" stop || true
