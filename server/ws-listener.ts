import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger } from '../src/sip/ports';

/** One accepted WebSocket, as the rest of the PBX sees it. */
export interface Connection {
  readonly peer: string;
  /** false when the socket is no longer open. */
  send(text: string): boolean;
  close(): void;
}

export interface WsListenerHandlers {
  open(connection: Connection): void;
  /** A SIP message: keep-alives are answered here and never passed on. */
  message(connection: Connection, text: string): void;
  close(connection: Connection): void;
}

export interface WsListener {
  readonly port: number;
  close(): Promise<void>;
}

// RFC 7118 §4.1: the WebSocket subprotocol for SIP.
const SUBPROTOCOL = 'sip';
// RFC 5626 §4.4.1: a client sends a double CRLF as ping; the server answers with a single CRLF.
const CRLF_PING = '\r\n\r\n';
const CRLF_PONG = '\r\n';
// Far above any real SIP message; a bound on what one client can make us buffer.
const MAX_FRAME_BYTES = 256 * 1024;
// How long close() waits for clients to answer the close frame before cutting them.
const CLOSE_GRACE_MS = 500;

/** The HTTP server that upgrades to WebSocket, requiring subprotocol "sip" (anything else gets 400). */
export async function startWsListener(
  host: string,
  port: number,
  handlers: WsListenerHandlers,
  logger: Logger,
): Promise<WsListener> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, handleProtocols: () => SUBPROTOCOL });
  const http = createServer((_req, res) => {
    res.writeHead(426, { Upgrade: 'websocket', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Tabphone PBX: connect with a WebSocket, subprotocol "sip" (RFC 7118).\n');
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const peer = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
    if (!offeredProtocols(req).includes(SUBPROTOCOL)) {
      logger.log('warn', `refused WebSocket from ${peer}: subprotocol "${SUBPROTOCOL}" not offered`);
      socket.end(
        'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n' +
          'WebSocket subprotocol "sip" required (RFC 7118)\n',
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, peer));
  });

  function accept(ws: WebSocket, peer: string): void {
    const connection: Connection = {
      peer,
      send(text) {
        if (ws.readyState !== ws.OPEN) return false;
        ws.send(text);
        return true;
      },
      close: () => ws.close(1001, 'PBX shutting down'),
    };
    handlers.open(connection);
    ws.on('message', (data: RawData) => {
      const text = toText(data);
      if (text === CRLF_PING) connection.send(CRLF_PONG);
      else if (/^(?:\r\n)*$/.test(text)) return; // a stray pong or empty frame
      else deliver(connection, text);
    });
    ws.on('error', (error) => logger.log('warn', `WebSocket error from ${peer}: ${error.message}`));
    ws.on('close', () => handlers.close(connection));
  }

  // Nothing a client sends may take the PBX down: a handler failure is logged and the socket lives on.
  function deliver(connection: Connection, text: string): void {
    try {
      handlers.message(connection, text);
    } catch (error) {
      logger.log('error', `failed handling a frame from ${connection.peer}`, error);
    }
  }

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const address = http.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;

  return {
    port: boundPort,
    async close() {
      // Stop accepting, say goodbye with a close frame, and cut whoever has not answered it in time.
      const closed = new Promise<void>((resolve) => wss.close(() => resolve()));
      const httpClosed = new Promise<void>((resolve) => http.close(() => resolve()));
      for (const ws of wss.clients) ws.close(1001, 'PBX shutting down');
      const cutoff = setTimeout(() => {
        for (const ws of wss.clients) ws.terminate();
      }, CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cutoff);
      http.closeAllConnections();
      await httpClosed;
    },
  };
}

function offeredProtocols(req: IncomingMessage): string[] {
  const header = req.headers['sec-websocket-protocol'];
  return (header ?? '').split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
}

// RFC 7118 §4: SIP messages may come in text or binary frames; both carry UTF-8.
function toText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(data).toString('utf8');
}
