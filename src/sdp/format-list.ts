import type { MediaDescription, SessionDescription } from 'sdp-transform';

/**
 * Edits the format list of an RTP m= line. Removing a payload type also removes every attribute
 * that names it (a=rtpmap, a=fmtp, a=rtcp-fb), so no line is left pointing at a format that is
 * not offered; rtcp-fb lines for "*" stay.
 */
export function withFormats(media: MediaDescription, payloads: readonly number[]): MediaDescription {
  const keep = new Set(payloads);
  const kept = (payload: number | string) => payload === '*' || keep.has(Number(payload));
  const edited: MediaDescription = {
    ...media,
    payloads: payloads.join(' '),
    rtp: media.rtp.filter((r) => keep.has(r.payload)),
    fmtp: media.fmtp.filter((f) => keep.has(f.payload)),
  };
  if (media.rtcpFb) edited.rtcpFb = media.rtcpFb.filter((f) => kept(f.payload));
  if (media.rtcpFbTrrInt) edited.rtcpFbTrrInt = media.rtcpFbTrrInt.filter((f) => kept(f.payload));
  return edited;
}

/** Sets the fmtp parameters of one payload type, adding the line when there is none. */
export function withFmtp(media: MediaDescription, payload: number, config: string): MediaDescription {
  const others = media.fmtp.filter((f) => f.payload !== payload);
  return { ...media, fmtp: [...others, { payload, config }] };
}

/**
 * Drops the given mids from every a=group line (BUNDLE and others), and drops a group left empty:
 * a removed or rejected m= line must not stay in a bundle (RFC 8843 §7.3.3).
 */
export function withoutMids(session: SessionDescription, mids: readonly string[]): SessionDescription {
  if (!session.groups || mids.length === 0) return session;
  const gone = new Set(mids);
  const groups = session.groups
    .map((g) => ({ ...g, mids: String(g.mids).split(' ').filter((mid) => !gone.has(mid)).join(' ') }))
    .filter((g) => g.mids !== '');
  const edited: SessionDescription = { ...session, groups };
  if (groups.length === 0) delete edited.groups;
  return edited;
}
