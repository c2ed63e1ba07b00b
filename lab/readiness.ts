/** Waiting until a lab daemon answers, so a caller never races its start-up. */
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { sleep } from './daemons';

/** Resolves once a TCP connection to host:port succeeds; rejects after `timeoutMs`. */
export async function waitForTcp(host: string, port: number, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await tcpConnects(host, port)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not listen on ${host}:${port} within ${timeoutMs} ms`);
    await sleep(50);
  }
}

function tcpConnects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Resolves once rtpengine answers an ng-protocol "ping" with "pong". */
export async function waitForRtpengine(host: string, port: number, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await rtpenginePongs(host, port)) return;
    if (Date.now() > deadline) throw new Error(`rtpengine did not answer ng pings on ${host}:${port} within ${timeoutMs} ms`);
    await sleep(50);
  }
}

function rtpenginePongs(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const cookie = `ready${process.pid}`;
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), 300);
    socket.on('message', (reply) => done(reply.toString().startsWith(`${cookie} `) && reply.includes('pong')));
    socket.on('error', () => done(false));
    // The ng protocol: a cookie, a space, a bencoded dictionary.
    socket.send(`${cookie} d7:command4:pinge`, port, host);
  });
}
