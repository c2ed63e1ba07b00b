#!/usr/bin/env bash
# Makes sure the Debian packages the test suite needs are installed. As root with apt-get, it
# installs what is missing; otherwise it names the missing packages and fails. It never skips.
# Used by scripts/test.sh (npm test) and .ci/run.
set -euo pipefail

# One package per line. With arguments, only those are checked (npm run lab:start passes the lab's).
PACKAGES=(
  chromium                     # the browser the e2e tests drive (CHROMIUM_PATH, default /usr/bin/chromium)
  iproute2                     # `ip`, to bring up loopback in the test network namespace
  kamailio                     # the lab (lab/, tests/interop): WebSocket registrar and proxy
  kamailio-websocket-modules   #   its ws/wss transport
  kamailio-tls-modules         #   wss
  rtpengine-daemon             #   WebRTC <-> RTP/AVP media, G.729 transcoding
  coturn                       #   TURN
  baresip                      #   a plain SIP phone as far end
  sip-tester                   #   sipp, scripted far ends
  openssl                      #   the lab's self-signed WSS certificate, made at start
)
if [ "$#" -gt 0 ]; then
  PACKAGES=("$@")
fi

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
