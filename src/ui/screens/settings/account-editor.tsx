import { useId, useState, type FormEvent } from 'react';
import type { AccountProblem } from '../../../services/settings/account-validation';
import type { AccountSettings, AudioProfileSetting, DtmfModeSetting, IcePolicySetting } from '../../../stores/settings';
import { useSettingsService } from '../../hooks/use-settings';
import { BUTTON, CARD, CheckboxField, PRIMARY_BUTTON, SelectField, TextAreaField, TextField } from './form-controls';
import { IceServersField } from './ice-servers-field';

const DTMF_OPTIONS: { value: DtmfModeSetting; label: string }[] = [
  { value: 'auto', label: 'Auto (RFC 4733 when offered, else SIP INFO)' },
  { value: 'rfc4733', label: 'RFC 4733 (in the RTP stream)' },
  { value: 'info', label: 'SIP INFO' },
  { value: 'inband', label: 'In-band tones' },
];

const PROFILE_OPTIONS: { value: AudioProfileSetting; label: string }[] = [
  { value: 'webrtc', label: 'WebRTC (Opus, then G.711)' },
  { value: 'sipconnect', label: 'SIPconnect 2.0 (G.711 only, 20 ms)' },
];

const ICE_POLICY_OPTIONS: { value: IcePolicySetting; label: string }[] = [
  { value: 'all', label: 'All candidates' },
  { value: 'relay', label: 'Relay only (through TURN)' },
];

interface AccountEditorProps {
  initial: AccountSettings;
  isNew: boolean;
  isActive: boolean;
  onDone(): void;
}

/** The text fields the user types numbers and lists into, kept as typed until Save. */
interface Texts {
  servers: string;
  registerExpires: string;
  sessionExpires: string;
}

/** Edits one account; Save validates it whole and, for the active account, restarts the phone on it. */
export function AccountEditor({ initial, isNew, isActive, onDone }: AccountEditorProps) {
  const service = useSettingsService();
  const [draft, setDraft] = useState(initial);
  const [texts, setTexts] = useState<Texts>({
    servers: initial.servers.join('\n'),
    registerExpires: String(initial.registerExpires),
    sessionExpires: String(initial.sessionExpires),
  });
  const [makeActive, setMakeActive] = useState(isActive);
  const [problems, setProblems] = useState<AccountProblem[]>([]);
  const [saving, setSaving] = useState(false);
  const iceProblemId = useId();
  const titleId = useId();

  const set = <K extends keyof AccountSettings>(key: K, value: AccountSettings[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const problemsOf = (field: keyof AccountSettings) => problems.filter((p) => p.field === field).map((p) => p.message);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!service) return;
    const account: AccountSettings = {
      ...draft,
      displayName: draft.displayName.trim(),
      user: draft.user.trim(),
      authUser: draft.authUser.trim(),
      domain: draft.domain.trim(),
      outboundProxy: draft.outboundProxy.trim(),
      servers: texts.servers.split(/\s+/).filter((line) => line !== ''),
      registerExpires: wholeNumber(texts.registerExpires),
      sessionExpires: wholeNumber(texts.sessionExpires),
      iceServers: draft.iceServers.filter((server) => server.url !== '' || server.username !== '' || server.credential !== ''),
    };
    setSaving(true);
    try {
      const found = await service.saveAccount(account, makeActive);
      setProblems(found);
      if (found.length === 0) onDone();
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} aria-labelledby={titleId} noValidate className={`${CARD} flex flex-col gap-3`}>
      <h3 id={titleId} className="text-sm font-semibold">
        {isNew ? 'New account' : `Edit ${initial.displayName || initial.user}`}
      </h3>
      {problems.length > 0 && (
        <div role="alert" className="rounded-lg bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
          <p className="font-medium">The account was not saved:</p>
          <ul className="list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem.message}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}

      <TextField label="Display name" value={draft.displayName} onChange={(e) => set('displayName', e.target.value)} autoComplete="off" />
      <div className="grid grid-cols-2 gap-2">
        <TextField label="User" value={draft.user} onChange={(e) => set('user', e.target.value)} problems={problemsOf('user')} autoComplete="off" />
        <TextField label="Domain" value={draft.domain} onChange={(e) => set('domain', e.target.value)} problems={problemsOf('domain')} autoComplete="off" />
      </div>
      <div className="grid grid-cols-2 gap-2">
        <TextField
          label="Authentication user"
          hint="When it differs from User"
          value={draft.authUser}
          onChange={(e) => set('authUser', e.target.value)}
          problems={problemsOf('authUser')}
          autoComplete="off"
        />
        <TextField label="Password" type="password" value={draft.password} onChange={(e) => set('password', e.target.value)} autoComplete="new-password" />
      </div>
      <TextAreaField
        label="WebSocket servers"
        hint="One per line, tried in this order. wss:// (ws:// only for localhost)."
        rows={2}
        value={texts.servers}
        onChange={(e) => setTexts({ ...texts, servers: e.target.value })}
        problems={problemsOf('servers')}
        spellCheck={false}
      />

      <details className="flex flex-col gap-2" open={problemsOf('outboundProxy').length + problemsOf('registerExpires').length + problemsOf('iceServers').length + problemsOf('icePolicy').length > 0 || undefined}>
        <summary className="cursor-pointer text-sm font-medium">Network</summary>
        <div className="mt-2 flex flex-col gap-3">
          <TextField
            label="Outbound proxy"
            hint="A SIP URI such as sip:proxy.example.com;lr. Calls, messages and registrations are routed through it (a Route header) over the WebSocket server's connection."
            value={draft.outboundProxy}
            onChange={(e) => set('outboundProxy', e.target.value)}
            problems={problemsOf('outboundProxy')}
            spellCheck={false}
          />
          <TextField
            label="Registration expiry (seconds)"
            inputMode="numeric"
            value={texts.registerExpires}
            onChange={(e) => setTexts({ ...texts, registerExpires: e.target.value })}
            problems={problemsOf('registerExpires')}
          />
          <IceServersField servers={draft.iceServers} onChange={(servers) => set('iceServers', servers)} problems={problemsOf('iceServers')} problemId={iceProblemId} />
          <SelectField label="ICE policy" options={ICE_POLICY_OPTIONS} value={draft.icePolicy} onValue={(v) => set('icePolicy', v)} problems={problemsOf('icePolicy')} />
        </div>
      </details>

      <details className="flex flex-col gap-2" open={problemsOf('sessionExpires').length > 0 || undefined}>
        <summary className="cursor-pointer text-sm font-medium">Calls</summary>
        <div className="mt-2 flex flex-col gap-3">
          <SelectField label="Audio profile" options={PROFILE_OPTIONS} value={draft.audioProfile} onValue={(v) => set('audioProfile', v)} />
          <SelectField label="DTMF mode" options={DTMF_OPTIONS} value={draft.dtmfMode} onValue={(v) => set('dtmfMode', v)} />
          <CheckboxField
            label="Delayed offer"
            hint="Send INVITEs without SDP (some PBXs expect it)."
            checked={draft.delayedOffer}
            onChecked={(v) => set('delayedOffer', v)}
          />
          <TextField
            label="Session timer (seconds)"
            hint="RFC 4028 refresh interval our calls ask for; at least 90, or 0 for no session timers."
            inputMode="numeric"
            value={texts.sessionExpires}
            onChange={(e) => setTexts({ ...texts, sessionExpires: e.target.value })}
            problems={problemsOf('sessionExpires')}
          />
          <CheckboxField label="Ask before following a transfer" checked={draft.confirmTransfers} onChecked={(v) => set('confirmTransfers', v)} />
        </div>
      </details>

      {!isActive && <CheckboxField label="Register this account now" checked={makeActive} onChecked={setMakeActive} />}
      <div className="flex justify-end gap-2">
        <button type="button" onClick={onDone} className={BUTTON}>
          Cancel
        </button>
        <button type="submit" disabled={!service || saving} className={PRIMARY_BUTTON}>
          Save account
        </button>
      </div>
    </form>
  );
}

/** The typed number, or NaN for anything that is not digits (validation then names the field). */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}
