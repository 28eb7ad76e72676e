#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing (CI runs as root).
# Nothing may download a browser build of its own here, so Playwright is pointed at this one.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
