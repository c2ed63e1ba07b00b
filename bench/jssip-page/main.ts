/**
 * A minimal phone on JsSIP for the call-setup benchmark, configured the way JsSIP's documentation
 * shows (register on start, audio only, the account's STUN server in pcConfig, JsSIP's defaults
 * otherwise). It mirrors the accessible names of Tabphone's screen (account status, "Number or SIP
 * URI", "Call", a "Call with <party>" line with "Answer" and "Hang up") so one driver measures both.
 */
import { UA, WebSocketInterface } from 'jssip';
import type { RTCSessionEvent } from 'jssip/lib/UA';
import type { RTCSession } from 'jssip/lib/RTCSession';

const params = new URLSearchParams(location.search);
const user = params.get('user') ?? '1000';
const server = params.get('server') ?? '';
const domain = params.get('domain') ?? new URL(server).hostname;
const iceServers = params.getAll('stun').map((urls) => ({ urls }));
const pcConfig: RTCConfiguration = { iceServers };
const mediaConstraints = { audio: true, video: false };

const status = document.getElementById('status')!;
const calls = document.getElementById('calls')!;

const ua = new UA({
  sockets: [new WebSocketInterface(server)],
  uri: `sip:${user}@${domain}`,
  password: params.get('password') ?? `secret${user}`,
  register: true,
});
ua.on('registered', () => (status.textContent = 'Registered'));
ua.on('unregistered', () => (status.textContent = 'Offline'));
ua.on('registrationFailed', (e) => (status.textContent = `Registration failed: ${e.cause ?? ''}`));

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

/** A call line: the far end's number, the call's state, and its buttons. */
function showCall(session: RTCSession): void {
  const party = session.remote_identity.uri.user;
  const line = document.createElement('li');
  line.setAttribute('aria-label', `Call with ${party}`);
  const state = document.createElement('span');
  state.setAttribute('role', 'status');
  state.setAttribute('aria-label', 'Call status');
  const audio = new Audio();
  audio.autoplay = true;
  line.append(state);
  const setState = (text: string) => (state.textContent = text);
  if (session.direction === 'incoming') {
    setState('Incoming call');
    line.append(button('Answer', () => session.answer({ mediaConstraints, pcConfig })));
  } else {
    setState('Calling');
  }
  line.append(button('Hang up', () => session.terminate()));
  calls.append(line);

  const playRemote = (pc: RTCPeerConnection) => pc.addEventListener('track', (e) => (audio.srcObject = e.streams[0] ?? new MediaStream([e.track])));
  if (session.connection) playRemote(session.connection);
  else session.on('peerconnection', (e) => playRemote(e.peerconnection));
  session.on('progress', () => setState('Ringing'));
  session.on('confirmed', () => setState('Connected'));
  session.on('ended', () => line.remove());
  session.on('failed', () => line.remove());
}

ua.on('newRTCSession', (e: RTCSessionEvent) => showCall(e.session));

document.getElementById('dial')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const target = (document.getElementById('target') as HTMLInputElement).value.trim();
  ua.call(`sip:${target}@${domain}`, { mediaConstraints, pcConfig });
});

ua.start();
