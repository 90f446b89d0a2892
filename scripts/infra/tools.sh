#!/usr/bin/env bash
# Installs the independent decoders and peers the tests use (Debian packages): tshark,
# wbxml2xml (libwbxml2-utils), kamailio. Idempotent; skips what is already there.
source "$(dirname "$0")/lib.sh"
need=()
command -v tshark >/dev/null || need+=(tshark)
command -v wbxml2xml >/dev/null || need+=(libwbxml2-utils)
[ -x /usr/sbin/kamailio ] || need+=(kamailio)
command -v text2pcap >/dev/null || need+=(wireshark-common)
[ ${#need[@]} -eq 0 ] && { log "tools present: tshark, wbxml2xml, kamailio"; exit 0; }
log "installing ${need[*]} (apt)"
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "${need[@]}" >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; } \
  || die "apt-get install ${need[*]}"
