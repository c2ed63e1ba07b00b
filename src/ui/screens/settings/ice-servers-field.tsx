import type { IceServerSetting } from '../../../stores/settings';
import { BUTTON, INPUT } from './form-controls';

interface IceServersFieldProps {
  servers: IceServerSetting[];
  onChange(servers: IceServerSetting[]): void;
  problems: string[];
  problemId: string;
}

/** STUN and TURN servers, one row each: URL, and for TURN the user name and credential. */
export function IceServersField({ servers, onChange, problems, problemId }: IceServersFieldProps) {
  const update = (index: number, patch: Partial<IceServerSetting>) =>
    onChange(servers.map((server, i) => (i === index ? { ...server, ...patch } : server)));
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={problems.length > 0 ? problemId : undefined}>
      <legend className="text-xs font-medium text-slate-600 dark:text-slate-300">STUN and TURN servers</legend>
      {servers.length === 0 && <p className="text-xs text-slate-500 dark:text-slate-400">None: host candidates only (fine on a LAN or with a media relay at the PBX).</p>}
      {servers.map((server, index) => (
        <div key={index} className="grid grid-cols-2 gap-1.5 rounded-lg p-1.5 ring-1 ring-slate-200 dark:ring-slate-800">
          <input
            aria-label={`ICE server ${index + 1} URL`}
            placeholder="stun:stun.example.com:3478"
            value={server.url}
            onChange={(event) => update(index, { url: event.target.value.trim() })}
            aria-invalid={problems.some((p) => p.includes(`"${server.url}"`))}
            className={`${INPUT} col-span-2 font-mono text-xs`}
          />
          <input
            aria-label={`ICE server ${index + 1} user name`}
            placeholder="user name (TURN)"
            autoComplete="off"
            value={server.username}
            onChange={(event) => update(index, { username: event.target.value })}
            className={INPUT}
          />
          <input
            aria-label={`ICE server ${index + 1} credential`}
            placeholder="credential (TURN)"
            type="password"
            autoComplete="off"
            value={server.credential}
            onChange={(event) => update(index, { credential: event.target.value })}
            className={INPUT}
          />
          <button type="button" onClick={() => onChange(servers.filter((_, i) => i !== index))} className={`${BUTTON} col-span-2`}>
            Remove ICE server {index + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...servers, { url: '', username: '', credential: '' }])} className={BUTTON}>
        Add STUN/TURN server
      </button>
      {problems.length > 0 && (
        <p id={problemId} className="text-xs text-red-700 dark:text-red-400">
          {problems.join(' ')}
        </p>
      )}
    </fieldset>
  );
}
