import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { parseMessage, type SipMessage } from '../../../src/sip';

/**
 * A raw WebSocket client that speaks SIP text (RFC 7118): every frame it receives is kept in arrival
 * order until a test takes it with receive().
 */
export class WsSipClient {
  /** The made-up host a browser client puts in Via and Contact. */
  readonly host = `${randomBytes(5).toString('hex')}.invalid`;
  private readonly frames: string[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      this.frames.push(Buffer.isBuffer(data) ? data.toString('utf8') : String(data));
      for (const wake of [...this.waiters]) wake();
    });
  }

  static connect(url: string, protocols: string | string[] = 'sip'): Promise<WsSipClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, protocols);
      socket.once('open', () => resolve(new WsSipClient(socket)));
      socket.once('error', reject);
    });
  }

  send(text: string): void {
    this.socket.send(text);
  }

  /** The first frame (past or future) that `match` accepts; removed from the queue. */
  receiveText(match: (text: string) => boolean = () => true, timeoutMs = 2000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const i = this.frames.findIndex(match);
        if (i < 0) return false;
        const [text] = this.frames.splice(i, 1);
        this.waiters.delete(wake);
        clearTimeout(timer);
        resolve(text!);
        return true;
      };
      const wake = () => void check();
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(new Error(`no matching frame within ${timeoutMs} ms; queued: ${JSON.stringify(this.frames)}`));
      }, timeoutMs);
      if (!check()) this.waiters.add(wake);
    });
  }

  /** The first SIP message that `match` accepts. */
  async receive(match: (message: SipMessage) => boolean = () => true, timeoutMs = 2000): Promise<SipMessage> {
    const text = await this.receiveText((t) => {
      const message = tryParse(t);
      return message !== undefined && match(message);
    }, timeoutMs);
    return parseMessage(text);
  }

  /** Frames that arrived and were not taken. */
  get pending(): readonly string[] {
    return this.frames;
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

function tryParse(text: string): SipMessage | undefined {
  try {
    return parseMessage(text);
  } catch {
    return undefined;
  }
}
