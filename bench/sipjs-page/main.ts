/**
 * A minimal phone on SIP.js for the call-setup benchmark, written as SIP.js's API guide shows
 * (UserAgent + Registerer, Inviter and Invitation, the web session description handler with its
 * defaults, the account's STUN server in the peer connection configuration). It mirrors the
 * accessible names of Tabphone's screen, as bench/jssip-page does, so one driver measures all.
 */
import { Invitation, Inviter, Registerer, RegistererState, SessionState, UserAgent, type Session } from 'sip.js';
import type { SessionDescriptionHandler } from 'sip.js/lib/platform/web';

const params = new URLSearchParams(location.search);
const user = params.get('user') ?? '1000';
const server = params.get('server') ?? '';
const domain = params.get('domain') ?? new URL(server).hostname;
const iceServers = params.getAll('stun').map((urls) => ({ urls }));
const media = { constraints: { audio: true, video: false } };

const status = document.getElementById('status')!;
const calls = document.getElementById('calls')!;

const ua = new UserAgent({
  uri: UserAgent.makeURI(`sip:${user}@${domain}`),
  authorizationUsername: user,
  authorizationPassword: params.get('password') ?? `secret${user}`,
  transportOptions: { server },
  sessionDescriptionHandlerFactoryOptions: { peerConnectionConfiguration: { iceServers } },
  logBuiltinEnabled: false,
  delegate: {
    onInvite(invitation) {
      showCall(invitation, invitation.remoteIdentity.uri.user ?? '');
      void invitation.progress(); // 180 Ringing, which JsSIP and Tabphone send on their own
    },
  },
});
const registerer = new Registerer(ua);
registerer.stateChange.addListener((state) => {
  status.textContent = state === RegistererState.Registered ? 'Registered' : 'Offline';
});

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

/** A call line: the far end's number, the call's state, and its buttons. Returns a way to set the state. */
function showCall(session: Session, party: string): (state: string) => void {
  const line = document.createElement('li');
  line.setAttribute('aria-label', `Call with ${party}`);
  const state = document.createElement('span');
  state.setAttribute('role', 'status');
  state.setAttribute('aria-label', 'Call status');
  const audio = new Audio();
  audio.autoplay = true;
  line.append(state);
  if (session instanceof Invitation) {
    state.textContent = 'Incoming call';
    line.append(button('Answer', () => void session.accept({ sessionDescriptionHandlerOptions: media })));
  } else {
    state.textContent = 'Calling';
  }
  line.append(
    button('Hang up', () => {
      if (session.state === SessionState.Established) void session.bye();
      else if (session instanceof Inviter) void session.cancel();
      else if (session instanceof Invitation) void session.reject();
    }),
  );
  calls.append(line);
  session.stateChange.addListener((next) => {
    if (next === SessionState.Established) {
      state.textContent = 'Connected';
      const pc = (session.sessionDescriptionHandler as SessionDescriptionHandler).peerConnection;
      audio.srcObject = new MediaStream(pc?.getReceivers().map((r) => r.track) ?? []);
    }
    if (next === SessionState.Terminated) line.remove();
  });
  return (text) => (state.textContent = text);
}

document.getElementById('dial')!.addEventListener('submit', (event) => {
  event.preventDefault();
  const target = (document.getElementById('target') as HTMLInputElement).value.trim();
  const inviter = new Inviter(ua, UserAgent.makeURI(`sip:${target}@${domain}`)!, { sessionDescriptionHandlerOptions: media });
  const setState = showCall(inviter, target);
  void inviter.invite({ requestDelegate: { onProgress: () => setState('Ringing') } });
});

void ua.start().then(() => registerer.register());
