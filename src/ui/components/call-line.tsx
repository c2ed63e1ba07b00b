import { useId, useState, type ReactNode } from 'react';
import {
  canTransfer,
  lineControls,
  lineStatusText,
  lineSubtitle,
  lineTimer,
  lineTitle,
  lineTone,
  type CallLine,
  type LineTone,
} from '../../stores/calls';
import { useCallService } from '../hooks/use-calls';
import { useNow } from '../hooks/use-now';
import { useContactLookup } from '../screens/contacts/use-contact-lookup';
import { CallQualityIndicator } from './call-quality-indicator';
import { Icon } from './icons';
import { Keypad } from './keypad';
import { TransferForm } from './transfer-form';

const STATUS_TEXT: Record<LineTone, string> = {
  ringing: 'text-sky-700 dark:text-sky-300',
  active: 'text-emerald-700 dark:text-emerald-400',
  held: 'text-amber-700 dark:text-amber-300',
  ended: 'text-slate-500 dark:text-slate-400',
  failed: 'text-red-700 dark:text-red-400',
};

const AVATAR: Record<LineTone, string> = {
  ringing: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200 animate-pulse',
  active: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  held: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200',
  ended: 'bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400',
  failed: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200',
};

/** The sent or received digits that fit on one line at the narrowest width. */
const MAX_SHOWN_DIGITS = 24;

/** A name's initial; "#" for a number, whose first digit says nothing. */
function monogram(title: string): string {
  return /^[+\d*#]/.test(title) ? '#' : title.charAt(0).toUpperCase();
}

type ControlLook = 'neutral' | 'on' | 'answer' | 'hangup';

const CONTROL: Record<ControlLook, string> = {
  neutral:
    'bg-slate-100 text-slate-800 hover:bg-slate-200 active:bg-slate-300 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700',
  on: 'bg-slate-800 text-white hover:bg-slate-700 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-white',
  answer: 'bg-emerald-700 text-white hover:bg-emerald-800 active:bg-emerald-900',
  hangup: 'bg-red-600 text-white hover:bg-red-700 active:bg-red-800',
};

interface ControlProps {
  label: string;
  icon?: ReactNode;
  look?: ControlLook;
  disabled?: boolean;
  expanded?: boolean;
  controls?: string;
  onClick(): void;
}

/** A call control: icon over a short label, which is also its accessible name. */
function Control({ label, icon, look = 'neutral', disabled, expanded, controls, onClick }: ControlProps) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={disabled}
      aria-expanded={expanded}
      aria-controls={controls}
      className={`flex h-14 min-w-0 flex-1 flex-col items-center justify-center gap-0.5 rounded-xl text-xs font-medium transition disabled:opacity-50 ${CONTROL[look]}`}
    >
      {icon}
      <span className="truncate">{label}</span>
    </button>
  );
}

interface CallLineViewProps {
  line: CallLine;
  selected: boolean;
  /** The other call an attended transfer would connect this one with, when there is one. */
  partner?: CallLine | undefined;
}

/** One call: who, what state, how long, and what can be done with it. */
export function CallLineView({ line, selected, partner }: CallLineViewProps) {
  const service = useCallService();
  const lookupContact = useContactLookup();
  const [keypadOpen, setKeypadOpen] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);
  const transferFormId = useId();
  const keypadId = useId();
  const controls = lineControls(line);
  const tone = lineTone(line);
  const now = useNow(line.startedAt !== undefined && line.endedAt === undefined);
  const timer = lineTimer(line, now);
  // The address book's name for the far end, when the user saved one, over what the network sends.
  const contactName = lookupContact(line.remote)?.name;
  const title = lineTitle(line, contactName);
  const subtitle = lineSubtitle(line, contactName);
  const busy = line.holdPending !== undefined;
  const showKeypad = keypadOpen && controls.keypad;
  const transferable = canTransfer(line);
  const showTransferForm = transferOpen && transferable;

  return (
    <li
      aria-label={`Call with ${title}`}
      aria-current={selected ? 'true' : undefined}
      className={`rounded-2xl bg-white p-3 shadow-sm ring-1 dark:bg-slate-900 ${
        selected && tone !== 'ended' && tone !== 'failed' ? 'ring-teal-500/60 dark:ring-teal-400/50' : 'ring-slate-200 dark:ring-slate-800'
      }`}
    >
      <div className="flex items-center gap-3">
        <div aria-hidden="true" className={`grid size-10 shrink-0 place-items-center rounded-full text-base font-semibold ${AVATAR[tone]}`}>
          {monogram(title)}
        </div>
        <div className="min-w-0 flex-1">
          <p className="truncate font-semibold">{title}</p>
          <p className="flex min-w-0 gap-1.5 text-sm">
            {subtitle !== undefined && (
              <>
                <span className="truncate text-slate-500 dark:text-slate-400">{subtitle}</span>
                <span aria-hidden="true" className="text-slate-300 dark:text-slate-600">
                  ·
                </span>
              </>
            )}
            <span role="status" aria-label="Call status" className={`shrink-0 font-medium ${STATUS_TEXT[tone]}`}>
              {lineStatusText(line)}
            </span>
          </p>
        </div>
        {tone === 'active' && line.quality !== undefined && <CallQualityIndicator quality={line.quality} />}
        {timer !== undefined && (
          <span role="timer" aria-label="Call duration" className="shrink-0 font-mono text-sm text-slate-600 tabular-nums dark:text-slate-300">
            {timer}
          </span>
        )}
      </div>

      {line.receivedDigits !== '' && (
        // Digits an IVR or the far end's keypad sent us: a status region, so a screen reader announces them.
        <p role="status" aria-label="Digits received" className="mt-2 truncate font-mono text-sm text-slate-600 dark:text-slate-300">
          Received: {line.receivedDigits.slice(-MAX_SHOWN_DIGITS)}
        </p>
      )}

      {line.transferStatus !== undefined && (
        <p role="status" aria-label="Transfer status" className="mt-2 truncate text-sm text-slate-600 dark:text-slate-300">
          {line.transferStatus}
        </p>
      )}

      {line.notice && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {line.notice}
        </p>
      )}

      {(controls.answer || controls.decline) && (
        <div className="mt-3 flex gap-2">
          <Control label="Decline" look="hangup" icon={<Icon name="hang-up" />} disabled={!service} onClick={() => service?.decline(line.id)} />
          <Control label="Answer" look="answer" icon={<Icon name="phone" />} disabled={!service} onClick={() => void service?.answer(line.id)} />
        </div>
      )}

      {controls.hangup && (
        <div className="mt-3 flex gap-2">
          {controls.mute && (
            <Control
              label={line.muted ? 'Unmute' : 'Mute'}
              look={line.muted ? 'on' : 'neutral'}
              icon={<Icon name={line.muted ? 'mic-off' : 'mic'} />}
              onClick={() => service?.setMuted(line.id, !line.muted)}
            />
          )}
          {controls.hold !== undefined && (
            <Control
              label={controls.hold === 'resume' ? 'Resume' : 'Hold'}
              look={controls.hold === 'resume' ? 'on' : 'neutral'}
              icon={<Icon name={controls.hold === 'resume' ? 'play' : 'pause'} />}
              disabled={busy}
              onClick={() => void (controls.hold === 'resume' ? service?.resume(line.id) : service?.hold(line.id))}
            />
          )}
          {controls.mute && (
            <Control
              label="Keypad"
              look={showKeypad ? 'on' : 'neutral'}
              icon={<Icon name="keypad" />}
              disabled={!controls.keypad}
              expanded={showKeypad}
              controls={showKeypad ? keypadId : undefined}
              onClick={() => setKeypadOpen(!keypadOpen)}
            />
          )}
          <Control label="Hang up" look="hangup" icon={<Icon name="hang-up" />} onClick={() => service?.hangup(line.id)} />
        </div>
      )}

      {transferable && (
        <div className="mt-2 flex gap-2">
          <Control
            label="Transfer"
            look={showTransferForm ? 'on' : 'neutral'}
            expanded={showTransferForm}
            controls={showTransferForm ? transferFormId : undefined}
            onClick={() => setTransferOpen(!transferOpen)}
          />
          {partner !== undefined && (
            <Control
              label="Attended transfer"
              disabled={!service}
              onClick={() => void service?.attendedTransfer(line.id, partner.id)}
            />
          )}
        </div>
      )}

      {showTransferForm && <TransferForm id={transferFormId} lineId={line.id} onStarted={() => setTransferOpen(false)} />}

      {showKeypad && (
        <div id={keypadId} className="mt-3">
          <output aria-label="Digits sent" className="mb-2 block h-6 truncate text-center font-mono text-lg tracking-widest">
            {/* Digits sent on this call (keypad or keyboard), shown above the keys as an IVR caller expects. */}
            {(line.sentDigits ?? '').slice(-MAX_SHOWN_DIGITS)}
          </output>
          <Keypad
            label="DTMF keys"
            size="small"
            onKey={(key) => service?.sendDtmf(line.id, key)}
          />
        </div>
      )}
    </li>
  );
}
