#!/usr/bin/env bash
# Install Debian's Chromium for the Playwright tests when it is missing.
# Playwright's own browser download cannot be reached from these machines.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "Chromium is missing and this is not root: browser tests will be skipped." >&2
    echo "Install it with: sudo apt-get install chromium" >&2
    exit 0
fi
echo "Installing Debian's chromium package for the browser tests..."
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
