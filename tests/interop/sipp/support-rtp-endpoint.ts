import { createSocket } from 'node:dgram';

/** One RTP packet as received: the fields a DTMF check needs. */
export interface RtpPacket {
  payloadType: number;
  timestamp: number;
  payload: Buffer;
}

export interface RtpEndpoint {
  port: number;
  /** Every RTP packet received so far, in order. */
  readonly packets: readonly RtpPacket[];
  /** The digits carried as RFC 4733 events with `payloadType`, one per event (its packets share a timestamp). */
  eventDigits(payloadType: number): string;
  close(): Promise<void>;
}

/** RFC 4733 §3.2 event codes 0-15 as keypad symbols. */
const EVENT_SYMBOLS = '0123456789*#ABCD';

/**
 * A far end's media as a UDP socket on 127.0.0.1: it echoes every packet back to its sender (so
 * the caller receives audio) and keeps the packets, so a test can decode what really arrived.
 */
export function startRtpEndpoint(port: number): Promise<RtpEndpoint> {
  const socket = createSocket('udp4');
  const packets: RtpPacket[] = [];
  socket.on('message', (data, from) => {
    // RTP version 2 with at least the 12-byte fixed header; RTCP (payload types 72-76 with the marker bit) is skipped.
    if (data.length < 12 || data[0]! >> 6 !== 2 || (data[1]! >= 200 && data[1]! <= 204)) return;
    const csrcCount = data[0]! & 0x0f;
    packets.push({ payloadType: data[1]! & 0x7f, timestamp: data.readUInt32BE(4), payload: data.subarray(12 + 4 * csrcCount) });
    socket.send(data, from.port, from.address);
  });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => {
      resolve({
        port,
        packets,
        eventDigits(payloadType) {
          const events = new Map<number, number>();
          for (const packet of packets) {
            if (packet.payloadType !== payloadType || packet.payload.length < 4) continue;
            if (!events.has(packet.timestamp)) events.set(packet.timestamp, packet.payload[0]!);
          }
          return [...events.values()].map((code) => EVENT_SYMBOLS[code] ?? `?${code}`).join('');
        },
        close: () => new Promise((done) => socket.close(() => done())),
      });
    });
  });
}
