#!/usr/bin/env bash
# Installs Debian's chromium for the e2e tests and the viewer benchmark (idempotent, non-interactive).
# A fast no-op when /usr/bin/chromium is already there; a clear one-line error when apt fails.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-chromium: $CHROMIUM missing and not root (no sudo): install the 'chromium' package" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-chromium: installing chromium with apt-get (one-time)…" >&2
if ! $SUDO apt-get update -qq >&2; then
  echo "install-chromium: apt-get update failed: cannot reach the Debian mirrors?" >&2
  exit 1
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >&2; then
  echo "install-chromium: apt-get install chromium failed (see apt output above)" >&2
  exit 1
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "install-chromium: apt installed chromium but $CHROMIUM is missing" >&2
  exit 1
fi
echo "install-chromium: $("$CHROMIUM" --version 2>/dev/null || echo chromium) installed" >&2
