import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBrowserWebSocket } from '../../../src/platform/browser-websocket';

/** The DOM WebSocket surface the adapter touches, with handlers called the way a browser calls them. */
class FakeDomWebSocket {
  static readonly instances: FakeDomWebSocket[] = [];
  readyState = 0;
  protocol = '';
  binaryType = 'blob';
  readonly sent: unknown[] = [];
  readonly closes: unknown[][] = [];
  onopen: ((this: FakeDomWebSocket, ev: Event) => void) | null = null;
  onclose: ((this: FakeDomWebSocket, ev: CloseEvent) => void) | null = null;
  onerror: ((this: FakeDomWebSocket, ev: Event) => void) | null = null;
  onmessage: ((this: FakeDomWebSocket, ev: MessageEvent) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string | string[],
  ) {
    FakeDomWebSocket.instances.push(this);
  }

  send(data: unknown): void {
    this.sent.push(data);
  }

  close(...args: unknown[]): void {
    this.closes.push(args);
  }

  fireOpen(): void {
    this.readyState = 1;
    this.protocol = 'sip';
    this.onopen?.call(this, new Event('open'));
  }

  fireMessage(data: unknown): void {
    this.onmessage?.call(this, new MessageEvent('message', { data }));
  }

  fireClose(code: number, reason: string): void {
    this.readyState = 3;
    // CloseEvent is not a Node global; a plain Event with the two fields stands in for it.
    this.onclose?.call(this, Object.assign(new Event('close'), { code, reason, wasClean: code === 1000 }) as CloseEvent);
  }

  fireError(): void {
    this.onerror?.call(this, new Event('error'));
  }
}

beforeEach(() => {
  vi.stubGlobal('WebSocket', FakeDomWebSocket);
});

afterEach(() => {
  FakeDomWebSocket.instances.length = 0;
  vi.unstubAllGlobals();
});

function open() {
  const like = createBrowserWebSocket('ws://127.0.0.1:5070', ['sip']);
  const dom = FakeDomWebSocket.instances.at(-1)!;
  return { like, dom };
}

describe('browser WebSocket adapter', () => {
  it('opens one DOM WebSocket with the URL and subprotocols it is given', () => {
    const { dom } = open();
    expect(FakeDomWebSocket.instances).toHaveLength(1);
    expect(dom.url).toBe('ws://127.0.0.1:5070');
    expect(dom.protocols).toEqual(['sip']);
  });

  it('asks for binary frames as ArrayBuffer, which the transport decodes synchronously', () => {
    expect(open().dom.binaryType).toBe('arraybuffer');
  });

  it('reads readyState and protocol live from the socket', () => {
    const { like, dom } = open();
    expect([like.readyState, like.protocol]).toEqual([0, '']);
    dom.fireOpen();
    expect([like.readyState, like.protocol]).toEqual([1, 'sip']);
  });

  it('forwards open, error and close to handlers set after creation, close with only code and reason', () => {
    const { like, dom } = open();
    const seen: unknown[] = [];
    like.onopen = (...args: unknown[]) => seen.push(['open', ...args]);
    like.onerror = (...args: unknown[]) => seen.push(['error', ...args]);
    like.onclose = (ev) => seen.push(['close', ev]);
    dom.fireOpen();
    dom.fireError();
    dom.fireClose(1006, 'gone');
    expect(seen).toEqual([['open'], ['error'], ['close', { code: 1006, reason: 'gone' }]]);
  });

  it('forwards text and binary frames as they arrived', () => {
    const { like, dom } = open();
    const frames: unknown[] = [];
    like.onmessage = (ev) => frames.push(ev);
    const bytes = new Uint8Array([0x4f, 0x50]).buffer;
    dom.fireMessage('OPTIONS sip:x SIP/2.0\r\n\r\n');
    dom.fireMessage(bytes);
    expect(frames).toEqual([{ data: 'OPTIONS sip:x SIP/2.0\r\n\r\n' }, { data: bytes }]);
    expect((frames[1] as { data: unknown }).data).toBe(bytes);
  });

  it('follows handler replacement and removal', () => {
    const { like, dom } = open();
    const seen: string[] = [];
    like.onmessage = () => seen.push('first');
    dom.fireMessage('a');
    like.onmessage = () => seen.push('second');
    dom.fireMessage('b');
    like.onmessage = null;
    dom.fireMessage('c');
    expect(seen).toEqual(['first', 'second']);
  });

  it('ignores events while no handler is set', () => {
    const { dom } = open();
    expect(() => {
      dom.fireOpen();
      dom.fireMessage('x');
      dom.fireError();
      dom.fireClose(1000, '');
    }).not.toThrow();
  });

  it('passes send and close through to the socket', () => {
    const { like, dom } = open();
    like.send('REGISTER sip:127.0.0.1 SIP/2.0\r\n\r\n');
    like.close(1000, 'bye');
    expect(dom.sent).toEqual(['REGISTER sip:127.0.0.1 SIP/2.0\r\n\r\n']);
    expect(dom.closes).toEqual([[1000, 'bye']]);
  });
});
