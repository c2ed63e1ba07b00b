/**
 * Connection states of the SIP WebSocket transport.
 *
 *                 connect(), or the retry timer
 *                 after a lost flow                       ┌──┐ attempt failed:
 *   disconnected ───────────────────────────► connecting ◄┘  │ try the next
 *     ▲    │                                   │   ▲    │ └──┘ server at once
 *     │    │ connect() with a bad              │   │    │
 *     │    │ server list (no retry timer)      │   │    │ socket open and the
 *     │    ▼                                   │   │    │ server chose "sip"
 *     │  failed ◄── every server failed ───────┘   │    ▼
 *     │    │        this round (arms the           │  connected
 *     │    │        retry timer)                   │    │
 *     │    └── retry timer, or connect() ──────────┘    │
 *     │                                                 │
 *     └── flow lost: close, error, no keep-alive pong ──┘
 *         (arms the retry timer)
 *
 *   disconnect(): any state → disconnected, and no timer is left behind.
 */
export type TransportState = 'disconnected' | 'connecting' | 'connected' | 'failed';

const TRANSITIONS: Readonly<Record<TransportState, readonly TransportState[]>> = {
  disconnected: ['connecting', 'failed'],
  connecting: ['connecting', 'connected', 'failed', 'disconnected'],
  connected: ['disconnected'],
  failed: ['connecting', 'disconnected'],
};

export function canTransition(from: TransportState, to: TransportState): boolean {
  return TRANSITIONS[from].includes(to);
}
