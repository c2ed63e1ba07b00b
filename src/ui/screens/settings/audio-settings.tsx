import { useId, useState } from 'react';
import { RINGTONES, selectAudio, type AudioSettings, type RingtoneSetting } from '../../../stores/settings';
import { useSettings, useSettingsService } from '../../hooks/use-settings';
import { BUTTON, CARD, SelectField } from './form-controls';
import { useMediaDevices } from './use-media-devices';

const RINGTONE_LABELS: Record<RingtoneSetting, string> = {
  'double-ring': 'Double ring',
  'single-ring': 'Single ring',
  chirp: 'Chirp',
};

/** Microphone, speaker and ringer device, and the ringtone; each change applies at once, calls go on. */
export function AudioSettingsSection() {
  const audio = useSettings(selectAudio);
  const service = useSettingsService();
  const { devices, revealNames } = useMediaDevices();
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const titleId = useId();

  const choices = (kind: MediaDeviceKind) => [
    { value: '', label: 'System default' },
    ...devices
      .filter((d) => d.kind === kind && d.deviceId !== '' && d.deviceId !== 'default')
      .map((d, index) => ({ value: d.deviceId, label: d.label || `${kind === 'audioinput' ? 'Microphone' : 'Speaker'} ${index + 1}` })),
  ];
  const save = (patch: Partial<AudioSettings>) => void service?.saveAudio({ ...audio, ...patch });
  const namesHidden = devices.some((d) => d.label === '');

  const reveal = async () => {
    try {
      setProblem(undefined);
      await revealNames();
    } catch (error) {
      setProblem(`The browser did not allow the microphone (${(error as Error).name}), so device names stay hidden.`);
    }
  };

  return (
    <section aria-labelledby={titleId} className={`${CARD} flex flex-col gap-3`}>
      <h3 id={titleId} className="text-sm font-semibold">
        Audio
      </h3>
      <SelectField label="Microphone" options={withSaved(choices('audioinput'), audio.microphoneId)} value={audio.microphoneId} onValue={(v) => save({ microphoneId: v })} hint="Used from the next call on." />
      <SelectField label="Speaker" options={withSaved(choices('audiooutput'), audio.speakerId)} value={audio.speakerId} onValue={(v) => save({ speakerId: v })} />
      <SelectField label="Ringer device" options={withSaved(choices('audiooutput'), audio.ringerId)} value={audio.ringerId} onValue={(v) => save({ ringerId: v })} />
      <SelectField
        label="Ringtone"
        options={RINGTONES.map((value) => ({ value, label: RINGTONE_LABELS[value] }))}
        value={audio.ringtone}
        onValue={(v) => save({ ringtone: v })}
      />
      {namesHidden && (
        <button type="button" onClick={() => void reveal()} className={BUTTON}>
          Show device names
        </button>
      )}
      {problem && <p className="text-xs text-red-700 dark:text-red-400">{problem}</p>}
    </section>
  );
}

/** A saved device that is unplugged now still shows, so the choice is not silently lost. */
function withSaved(options: { value: string; label: string }[], saved: string) {
  return saved === '' || options.some((o) => o.value === saved) ? options : [...options, { value: saved, label: 'Saved device (not connected)' }];
}
