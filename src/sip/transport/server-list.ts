import { parseServerUri, type ServerUri } from './server-uri';

export type ServerListResult = { ok: true; list: ServerList } | { ok: false; reason: string };

/**
 * The configured servers in failover order. An attempt that fails moves on to the
 * next server (round-robin); a round ends when every server has failed once in a
 * row, and a flow that opens starts a fresh round from its own server.
 */
export class ServerList {
  #index = 0;
  #failedInRound = 0;

  readonly #servers: readonly ServerUri[];
  private constructor(servers: readonly ServerUri[]) {
    this.#servers = servers;
  }

  /** Validates every URI up front: one bad entry is a configuration error. */
  static parse(uris: readonly string[]): ServerListResult {
    if (uris.length === 0) return { ok: false, reason: 'no WebSocket server configured' };
    const servers: ServerUri[] = [];
    for (const uri of uris) {
      const result = parseServerUri(uri);
      if (!result.ok) return result;
      servers.push(result.server);
    }
    return { ok: true, list: new ServerList(servers) };
  }

  get current(): ServerUri {
    return this.#servers[this.#index]!;
  }

  /** Records a failed attempt on the current server and moves on; true when the round is over. */
  failCurrent(): boolean {
    this.#index = (this.#index + 1) % this.#servers.length;
    this.#failedInRound++;
    if (this.#failedInRound < this.#servers.length) return false;
    this.#failedInRound = 0;
    return true;
  }

  /** Forgets the failures of the round in progress: a flow opened, or the user started over. */
  resetRound(): void {
    this.#failedInRound = 0;
  }
}
