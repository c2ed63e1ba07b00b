import type { MediaSession } from '../../media-port';
import type { Timers } from '../../ports';
import type { CallMediaOptions } from './call-deps';
import { DTMF_TONES, InfoDtmfSender } from './dtmf-info';

/**
 * Where a call's DTMF goes, per the account's mode (MicroSIP offers the same four):
 *
 *   'rfc4733'  telephone-event in the RTP stream (RFC 4733); refused when the far end did not
 *              negotiate telephone-event, since it would not understand the events
 *   'info'     one SIP INFO per digit, application/dtmf-relay (dtmf-info.ts)
 *   'inband'   ITU-T Q.23 tones mixed into our audio; works with any far end that hears us
 *   unset      "Auto": RFC 4733 when negotiated, else INFO
 */
export type DtmfMode = NonNullable<CallMediaOptions['dtmfMode']>;

export class CallDtmfSender {
  #info: InfoDtmfSender | undefined;

  /** `sendInfo` sends one INFO with an application/dtmf-relay body and resolves when it is answered (false: failed). */
  readonly #mode: DtmfMode | undefined;
  readonly #media: MediaSession;
  readonly #sendInfo: (body: string) => Promise<boolean>;
  readonly #timers: Timers;
  constructor(
    mode: DtmfMode | undefined,
    media: MediaSession,
    sendInfo: (body: string) => Promise<boolean>,
    timers: Timers,
  ) {
    this.#mode = mode;
    this.#media = media;
    this.#sendInfo = sendInfo;
    this.#timers = timers;
  }

  /** Sends "0-9*#A-D" ("," a 2 s pause); false when the tones are not DTMF or the mode cannot carry them now. */
  send(tones: string): boolean {
    if (!DTMF_TONES.test(tones)) return false;
    switch (this.#mode) {
      case 'rfc4733':
        return this.#media.sendDtmf(tones);
      case 'inband':
        return this.#media.sendInbandDtmf(tones);
      case 'info':
        return this.#viaInfo(tones);
      case undefined:
        return this.#media.sendDtmf(tones) || this.#viaInfo(tones);
    }
  }

  /** Drops INFO digits still queued (the call ended). */
  stop(): void {
    this.#info?.stop();
  }

  #viaInfo(tones: string): boolean {
    this.#info ??= new InfoDtmfSender(this.#sendInfo, this.#timers);
    this.#info.enqueue(tones);
    return true;
  }
}
