#!/usr/bin/env bash
# Runs its arguments inside a new network namespace whose only interface is loopback.
# Chromium's WebRTC must never see eth0 (see README, "Test layers"): in such a namespace every
# ICE candidate is 127.0.0.1.
#   bash scripts/netns-run.sh npx vitest run --project e2e
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/netns-run.sh COMMAND [ARG...]" >&2
  exit 2
fi
if ! command -v unshare >/dev/null 2>&1; then
  echo "netns-run: 'unshare' is not available (Debian package util-linux); cannot make a loopback-only network namespace" >&2
  exit 1
fi
if ! command -v ip >/dev/null 2>&1; then
  echo "netns-run: 'ip' is not available (Debian package iproute2); cannot bring up loopback in the namespace" >&2
  exit 1
fi

# Without root, -r maps the caller to root inside a new user namespace, which may create the
# network namespace and configure its loopback.
if [ "$(id -u)" -eq 0 ]; then
  flags=(-n)
else
  flags=(-r -n)
fi

if ! unshare "${flags[@]}" true 2>/dev/null; then
  echo "netns-run: 'unshare ${flags[*]}' is not permitted here (needs root, or unprivileged user namespaces)" >&2
  exit 1
fi

exec unshare "${flags[@]}" sh -c 'ip link set lo up && exec "$@"' sh "$@"
