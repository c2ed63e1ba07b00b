import dgram from 'node:dgram';

/** RFC 5389 §6: the magic cookie in every STUN header, and the XOR key for addresses. */
const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
/** RFC 5389 §15.2 */
const XOR_MAPPED_ADDRESS = 0x0020;

export interface StunResponder {
  /** "stun:127.0.0.1:PORT" */
  url: string;
  close(): Promise<void>;
}

/**
 * A STUN server on loopback that answers every Binding request as if the client sat behind a NAT
 * whose public address is `mappedIp` (same port). Chromium drops a server-reflexive candidate equal
 * to a host candidate, so the pretend address must differ from 127.0.0.1; 127.0.0.2 stays on loopback.
 */
export async function startStunResponder(mappedIp = '127.0.0.2'): Promise<StunResponder> {
  const socket = dgram.createSocket('udp4');
  const ip = mappedIp.split('.').map(Number);
  socket.on('message', (request, from) => {
    if (request.length < 20 || request.readUInt16BE(0) !== BINDING_REQUEST || request.readUInt32BE(4) !== MAGIC_COOKIE) return;
    const response = Buffer.alloc(32);
    response.writeUInt16BE(BINDING_SUCCESS, 0);
    response.writeUInt16BE(12, 2); // one attribute: 4-byte header + 8-byte IPv4 address
    request.copy(response, 4, 4, 20); // magic cookie and transaction id
    response.writeUInt16BE(XOR_MAPPED_ADDRESS, 20);
    response.writeUInt16BE(8, 22);
    response.writeUInt8(0x01, 25); // family IPv4
    response.writeUInt16BE(from.port ^ (MAGIC_COOKIE >>> 16), 26);
    response.writeUInt32BE((((ip[0]! << 24) | (ip[1]! << 16) | (ip[2]! << 8) | ip[3]!) ^ MAGIC_COOKIE) >>> 0, 28);
    socket.send(response, from.port, from.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    url: `stun:127.0.0.1:${socket.address().port}`,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
