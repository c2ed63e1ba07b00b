import type { Connection } from './ws-listener';

/**
 * A flow (RFC 5626 §3.2): one client WebSocket connection, numbered so bindings, dialog targets and
 * pending branches can refer to it and notice when it is gone.
 */
export interface Flow {
  readonly id: number;
  readonly peer: string;
  send(text: string): boolean;
}

/** The open flows, by id and by connection. */
export class FlowRegistry {
  private nextId = 1;
  private readonly byId = new Map<number, Flow>();
  private readonly byConnection = new Map<Connection, Flow>();

  add(connection: Connection): Flow {
    const flow: Flow = { id: this.nextId++, peer: connection.peer, send: (text) => connection.send(text) };
    this.byId.set(flow.id, flow);
    this.byConnection.set(connection, flow);
    return flow;
  }

  get(id: number): Flow | undefined {
    return this.byId.get(id);
  }

  of(connection: Connection): Flow | undefined {
    return this.byConnection.get(connection);
  }

  remove(connection: Connection): Flow | undefined {
    const flow = this.byConnection.get(connection);
    if (!flow) return undefined;
    this.byConnection.delete(connection);
    this.byId.delete(flow.id);
    return flow;
  }
}
