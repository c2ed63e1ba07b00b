/**
 * The SDP module: pure functions over sdp-transform descriptions (`parse(text)` in, `write(sdp)`
 * out). Nothing here touches the browser; capabilities arrive as plain objects. No function
 * mutates its input, and failures the far end can cause are values, not exceptions.
 *
 * How the call session and media engine use it (profile = { profile, comfortNoise }):
 *
 *   Outgoing call, early offer
 *     transceiver.setCodecPreferences(codecPreferences(RTCRtpReceiver.getCapabilities('audio').codecs, profile))
 *     offer  = shapeLocalDescription(parse(pc.localDescription.sdp), { ...profile, role: 'offer' })
 *     INVITE body = write(origin.stamp(offer.sdp))            // when offer.ok; origin = new LocalOrigin(random), one per call
 *     2xx    = normalizeRemoteDescription(parse(body), { role: 'answer', capabilities })
 *              ok → setRemoteDescription(write(2xx.sdp)); not ok → ACK, then BYE with 2xx.reason
 *
 *   Incoming call, early offer
 *     offer  = normalizeRemoteDescription(parse(body), { role: 'offer', capabilities })
 *              not ok → 488 with `Warning: ${offer.warning} <host> "${offer.reason}"`
 *     setRemoteDescription(write(offer.sdp)); answer = createAnswer()
 *     full   = applyRejections(parse(answer.sdp), parse(body), offer.rejected)
 *     shaped = shapeLocalDescription(full, { ...profile, role: 'answer' })
 *     200 OK body = write(origin.stamp(shaped.sdp))               // shaped.ok false → 488 with shaped.reason
 *
 *   Delayed offer (INVITE without SDP): inviteBodyRole('response', false) is 'offer', so the 2xx
 *   carries shapeLocalDescription(…, { role: 'offer' }) and the ACK's body goes through
 *   normalizeRemoteDescription(…, { role: inviteBodyRole('ack', false) }), i.e. as an answer.
 *
 *   Hold: offer direction holdOfferDirection(heldByRemote) / resumeOfferDirection(heldByRemote);
 *   a received offer sets heldByRemote = isHeldByRemote(offer) and is answered with
 *   answerDirection(remoteDirection(offer, audio), localHold).
 *
 *   `capabilities` above is best codecPreferences(receiverCodecs, profile), so the far end's
 *   codecs are checked against what the profile allows, not only against what the browser has.
 *
 * G.729: browsers cannot encode it (RFC 7874 asks WebRTC for Opus and G.711; none ships G.729), so
 * a far end that offers only G.729 gets a 488 whose reason ends "(browsers cannot encode G.729;
 * route the call through a transcoding gateway such as rtpengine)". Such a far end needs a media
 * gateway between it and the browser: rtpengine with `codec-mask-all codec-transcode-G729
 * codec-transcode-telephone-event` on the browser's offer sends G.729 to the far end while the
 * browser keeps Opus.
 */

export type { MediaDescription, SessionDescription } from 'sdp-transform';

export {
  fmtpOf,
  isRtpMedia,
  isVoiceCodec,
  matchesCapability,
  mimeSubtype,
  payloadTypes,
  rtpFormats,
  staticPayloadType,
  unmappedPayloadTypes,
  type CodecCapability,
  type RtpFormat,
} from './codecs';
export {
  codecLabel,
  describeMedia,
  describeOffer,
  G729_TRANSCODING_HINT,
  noAudioStreamReason,
  noCommonCodecReason,
  voiceCodecLabels,
} from './describe';
export {
  activeAudio,
  answerDirection,
  declaredDirection,
  hasNullConnection,
  holdOfferDirection,
  isHeldByRemote,
  remoteDirection,
  resumeOfferDirection,
  withAudioDirection,
  type Direction,
} from './direction';
export {
  normalizeRemoteDescription,
  type NormalizedRemote,
  type NormalizeOptions,
  type NormalizeResult,
  type UnusableRemote,
} from './normalize-remote';
export { inviteBodyRole, type InviteBodyCarrier, type SdpRole } from './offer-answer-role';
export { LocalOrigin, remoteRevision, type RemoteRevision } from './origin';
export {
  codecPreferences,
  profileRank,
  shapeLocalDescription,
  type AccountProfile,
  type ProfileOptions,
  type ShapeOptions,
  type ShapeResult,
} from './profile';
export { applyRejections, rejectedSection, type RejectedMedia, type RejectionReason } from './reject';
export { DTMF_EVENTS, formatEventList, parseEventList, withDtmfEvents } from './telephone-event';
