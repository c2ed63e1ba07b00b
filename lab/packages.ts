/** The Debian packages the lab runs on (scripts/ensure-debian-packages.sh lists them for npm test too). */
export const LAB_PACKAGES = [
  'kamailio',
  'kamailio-websocket-modules',
  'kamailio-tls-modules',
  'rtpengine-daemon',
  'coturn',
  'baresip',
  'sip-tester',
  'openssl',
];
