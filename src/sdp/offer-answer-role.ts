/** Whether an SDP body is an offer or an answer; shaping and normalisation differ only by this. */
export type SdpRole = 'offer' | 'answer';

/** Where an SDP body travels within one INVITE transaction. */
export type InviteBodyCarrier = 'invite' | 'response' | 'ack';

/**
 * The role of a body inside an INVITE transaction (RFC 3261 §13.2.1, RFC 6337 §2.1).
 * An INVITE with a body carries the offer and the response the answer. An INVITE without a body
 * (delayed offer) makes our 2xx carry the offer and the ACK the answer, so the same shaping and
 * normalisation functions are called with the roles swapped.
 * Returns undefined for a body that carries neither (an ACK after an INVITE that had the offer).
 */
export function inviteBodyRole(carrier: InviteBodyCarrier, inviteHadOffer: boolean): SdpRole | undefined {
  switch (carrier) {
    case 'invite':
      return 'offer';
    case 'response':
      return inviteHadOffer ? 'answer' : 'offer';
    case 'ack':
      return inviteHadOffer ? undefined : 'answer';
  }
}
