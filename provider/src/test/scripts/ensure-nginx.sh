#!/usr/bin/env bash
# Makes sure Debian's nginx (with its auth_request module) is installed, for ForwardAuthIT. The
# test starts its own nginx on loopback with its own config; the package's service is kept from
# starting at install time (CI runs as root, in containers without an init system).
set -euo pipefail
if command -v nginx >/dev/null 2>&1; then
  exit 0
fi
created_policy=0
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  created_policy=1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
if [ "$created_policy" = 1 ]; then
  rm -f /usr/sbin/policy-rc.d
fi
nginx -V 2>&1 | grep http_auth_request_module >/dev/null
