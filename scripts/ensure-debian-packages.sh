#!/usr/bin/env bash
# Makes sure the Debian packages the test suite needs are installed. As root with apt-get, it
# installs what is missing; otherwise it names the missing packages and fails. It never skips.
# Used by scripts/test.sh (npm test) and .ci/run.
set -euo pipefail

# One package per line; later test layers (lab interop) add theirs here.
PACKAGES=(
  chromium   # the browser the e2e tests drive (CHROMIUM_PATH, default /usr/bin/chromium)
  iproute2   # `ip`, to bring up loopback in the test network namespace
)

missing=()
for package in "${PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)"
  [ "$status" = "installed" ] || missing+=("$package")
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them first:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" </dev/null
