import dgram from 'node:dgram';

export interface DeadStunServer {
  /** "stun:127.0.0.1:PORT" */
  url: string;
  /** Datagrams received (and dropped) so far: proof the browser did ask. */
  readonly received: number;
  close(): Promise<void>;
}

/** A UDP socket on loopback that swallows every STUN request: a STUN server that never answers. */
export async function startDeadStunServer(): Promise<DeadStunServer> {
  const socket = dgram.createSocket('udp4');
  let received = 0;
  socket.on('message', () => received++);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return {
    url: `stun:127.0.0.1:${socket.address().port}`,
    get received() {
      return received;
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
