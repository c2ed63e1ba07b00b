import type { SipUri } from '../src/sip';

/**
 * Maps contact URIs to the flow (WebSocket connection) that announced them. Browser clients put a
 * made-up "<token>.invalid" host in their Contact (RFC 7118 §5), so the only way back to them is the
 * connection they used: in-dialog requests carry such a Contact as Request-URI and are sent down the
 * flow learnt here — from REGISTER Contacts and from the Contact of any request or response.
 */
export class Locator {
  private readonly flowByKey = new Map<string, number>();

  learn(uri: SipUri, flowId: number): void {
    for (const key of keysOf(uri)) this.flowByKey.set(key, flowId);
  }

  /** The flow for a target URI: an exact user@host:port match first, then the bare ".invalid" host. */
  find(uri: SipUri): number | undefined {
    for (const key of keysOf(uri)) {
      const flowId = this.flowByKey.get(key);
      if (flowId !== undefined) return flowId;
    }
    return undefined;
  }

  forgetFlow(flowId: number): void {
    for (const [key, id] of this.flowByKey) if (id === flowId) this.flowByKey.delete(key);
  }
}

function keysOf(uri: SipUri): string[] {
  const exact = `${uri.user ?? ''}@${uri.host}:${uri.port ?? ''}`;
  // A ".invalid" host is unique per client by construction, so the host alone also identifies the flow.
  return uri.host.endsWith('.invalid') ? [exact, `@${uri.host}`] : [exact];
}
