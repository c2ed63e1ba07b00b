/**
 * The embedded loopback PBX: a registrar with digest auth and a record-routing, forking proxy between
 * WebSocket clients. A try-it and test fixture, not a production PBX (see server/README.md).
 */
import { randomBytes } from 'node:crypto';
import { createResponse, SipRequest, type SipMessage } from '../src/sip';
import type { LogLevel, Logger } from '../src/sip/ports';
import { Authenticator, type ChallengeAlgorithm } from './authenticator';
import { FlowRegistry, type Flow } from './flow-registry';
import { Locator } from './locator';
import { consoleLogger, withMinLevel } from './logger';
import { takeIn } from './message-intake';
import { MessageLog } from './message-log';
import { NonceIssuer } from './nonce-issuer';
import { PbxEventStream, type PbxEvents } from './pbx-events';
import { SipProxy } from './proxy';
import { Registrar } from './registrar';
import { SelfAddress } from './self-address';
import { DEFAULT_REALM, demoUsers, loadUsersFile, type UserSecret } from './users-config';
import { startWsListener } from './ws-listener';

export interface PbxOptions {
  /** Address to listen on; default 127.0.0.1. */
  host?: string;
  /** Default 5070; 0 picks a free port (see Pbx.port). */
  port?: number;
  /** Users JSON file (format in server/README.md); without it, and without `users`, demo users 1000–1009. */
  usersFile?: string;
  /** Users given in code instead of a file (tests). */
  users?: Record<string, UserSecret>;
  /** Digest realm; default the users file's "realm", else "tabphone". */
  realm?: string;
  /** Challenges offered, one header each, preferred first; default ["MD5"]. */
  algorithms?: ChallengeAlgorithm[];
  /** Registration limits in seconds: defaults 60 (423 below), 3600 (clamped above), 3600 (when unstated). */
  minExpires?: number;
  maxExpires?: number;
  defaultExpires?: number;
  /** How long a nonce is good for, in seconds; afterwards the challenge says stale=true. Default 300. */
  nonceLifetime?: number;
  /** Milliseconds clock for nonce age and binding expiry; default Date.now. Tests move it by hand. */
  now?: () => number;
  /** Default: one line per entry on the console. */
  logger?: Logger;
  /** Default "info": one line per message in or out; "debug" adds every message's text (credentials redacted). */
  logLevel?: LogLevel;
}

export interface BindingInfo {
  contact: string;
  flowId: number;
  /** Seconds left. */
  expires: number;
  instance?: string;
  regId?: string;
}

export interface Pbx {
  readonly port: number;
  /** "ws://127.0.0.1:5070" */
  readonly url: string;
  readonly realm: string;
  /** Every message in and out (unredacted), and flows opening and closing. */
  readonly events: Pick<PbxEventStream, 'on' | 'once' | 'off'>;
  /** The live registrations of a user, most recent first. */
  bindings(user: string): BindingInfo[];
  close(): Promise<void>;
}

export const DEFAULT_PORT = 5070;

export async function startPbx(options: PbxOptions = {}): Promise<Pbx> {
  const host = options.host ?? '127.0.0.1';
  const logger = withMinLevel(options.logger ?? consoleLogger, options.logLevel ?? 'info');
  const limits = {
    minExpires: options.minExpires ?? 60,
    maxExpires: options.maxExpires ?? 3600,
    defaultExpires: options.defaultExpires ?? 3600,
  };
  if (!(limits.minExpires <= limits.defaultExpires && limits.defaultExpires <= limits.maxExpires)) {
    throw new Error('startPbx: need minExpires <= defaultExpires <= maxExpires');
  }

  const file = options.usersFile ? await loadUsersFile(options.usersFile) : undefined;
  const users: ReadonlyMap<string, UserSecret> = options.users
    ? new Map(Object.entries(options.users))
    : (file?.users ?? demoUsers());
  const realm = options.realm ?? file?.realm ?? DEFAULT_REALM;
  const algorithms = options.algorithms ?? ['MD5'];

  const events = new PbxEventStream(logger);
  const flows = new FlowRegistry();
  const messageLog = new MessageLog(logger);
  const now = options.now ?? Date.now;
  const registrar = new Registrar({ ...limits, now });
  const token = (bytes: number) => randomBytes(bytes).toString('hex');

  const send = (flowId: number, message: SipMessage): boolean => {
    const flow = flows.get(flowId);
    if (!flow) return false;
    const text = message.toString();
    messageLog.sent(flow, text, message);
    events.publish('message', { direction: 'out', flowId, text });
    return flow.send(text);
  };

  const receive = (flow: Flow, text: string): void => {
    const intake = takeIn(text, token(6));
    if (!intake.ok) {
      messageLog.malformed(flow, text, intake.fault);
      if (intake.reply !== undefined) {
        messageLog.sentText(flow, intake.reply);
        events.publish('message', { direction: 'out', flowId: flow.id, text: intake.reply });
        flow.send(intake.reply);
      }
      return;
    }
    const { message } = intake;
    messageLog.received(flow, text, message);
    events.publish('message', { direction: 'in', flowId: flow.id, text });
    try {
      if (message instanceof SipRequest) proxy.onRequest(message, flow.id);
      else proxy.onResponse(message, flow.id);
    } catch (error) {
      // Failures are values everywhere below; reaching here is a PBX bug. Keep serving the others.
      logger.log('error', `failed handling a message from flow #${flow.id}`, error);
      if (message instanceof SipRequest && message.method !== 'ACK') {
        send(flow.id, createResponse(message, 500, 'Server Internal Error', token(6)));
      }
    }
  };

  const listener = await startWsListener(
    host,
    options.port ?? DEFAULT_PORT,
    {
      open(connection) {
        const flow = flows.add(connection);
        logger.log('info', `flow #${flow.id} opened from ${flow.peer}`);
        events.publish('flowOpened', flow.id, flow.peer);
      },
      message(connection, text) {
        const flow = flows.of(connection);
        if (flow) receive(flow, text);
      },
      close(connection) {
        const flow = flows.remove(connection);
        if (!flow) return;
        logger.log('info', `flow #${flow.id} closed`);
        proxy.flowClosed(flow.id);
        events.publish('flowClosed', flow.id);
      },
    },
    logger,
  );

  // Built once listening, as it needs our port for Via and Record-Route; the handlers above first run
  // on a later turn of the event loop, after this line.
  const self = new SelfAddress(host, listener.port);
  const proxy = new SipProxy({
    self,
    realm,
    users,
    registrar,
    locator: new Locator(),
    authenticator: new Authenticator({
      realm,
      algorithms,
      nonces: new NonceIssuer((options.nonceLifetime ?? 300) * 1000, now),
    }),
    send,
    token,
    logger,
  });
  const url = `ws://${self.hostPort}`;
  logger.log('info', `PBX listening on ${url} (realm "${realm}", ${users.size} users)`);

  return {
    port: listener.port,
    url,
    realm,
    events,
    bindings(user) {
      const at = now();
      return registrar.lookup(user).map((b) => ({
        contact: b.contact.toString(),
        flowId: b.flowId,
        expires: Math.round((b.expiresAt - at) / 1000),
        ...(b.instance !== undefined ? { instance: b.instance } : {}),
        ...(b.regId !== undefined ? { regId: b.regId } : {}),
      }));
    },
    async close() {
      await listener.close();
      proxy.close();
      logger.log('info', 'PBX closed');
    },
  };
}

export type { PbxEvents };
