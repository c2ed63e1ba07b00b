import { describe, expect, it } from 'vitest';
import { startTraceRecorder } from '../../../src/services/diagnostics/trace-recorder';
import type { TransportTrace } from '../../../src/sip';
import { createDiagnosticsStore } from '../../../src/stores/diagnostics';
import { connected, LOCAL } from '../transport/transport-harness';

const OPTIONS = 'OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/WSS x.invalid;branch=z9hG4bK1\r\nFrom: <sip:1000@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>\r\nCall-ID: o1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n';
const OK = 'SIP/2.0 200 OK\r\nVia: SIP/2.0/WSS x.invalid;branch=z9hG4bK1\r\nFrom: <sip:1000@127.0.0.1>;tag=1\r\nTo: <sip:127.0.0.1>;tag=2\r\nCall-ID: o1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n';

describe('the transport trace hook', () => {
  it('reports every SIP message sent and received with the time and server, but no keep-alives', () => {
    const { clock, net, transport } = connected();
    const traces: TransportTrace[] = [];
    transport.on('trace', (trace) => traces.push(trace));
    clock.advance(250);
    transport.send(OPTIONS);
    net.last().receive('\r\n\r\n'); // a ping from the server: answered with a pong, not traced
    clock.advance(12);
    net.last().receive(OK);
    expect(traces).toEqual([
      { direction: 'out', text: OPTIONS, at: 250, server: LOCAL },
      { direction: 'in', text: OK, at: 262, server: LOCAL },
    ]);
    expect(net.last().sent).toContain('\r\n');
  });

  it('traces nothing that could not be sent', () => {
    const { transport } = connected();
    const traces: TransportTrace[] = [];
    transport.on('trace', (trace) => traces.push(trace));
    transport.disconnect();
    expect(transport.send(OPTIONS)).toBe(false);
    expect(traces).toEqual([]);
  });

  it('feeds the diagnostics store through the recorder, numbered and labelled', () => {
    const { net, transport } = connected();
    const store = createDiagnosticsStore();
    const stop = startTraceRecorder({ source: transport, store, secrets: ['secret1000'] });
    transport.send(OPTIONS);
    net.last().receive(OK);
    stop();
    transport.send(OPTIONS);
    expect(store.getState().trace.map(({ seq, direction, label, peer }) => [seq, direction, label, peer])).toEqual([
      [1, 'out', 'OPTIONS', 'proxy'],
      [2, 'in', '200 OK', 'proxy'],
    ]);
  });
});
