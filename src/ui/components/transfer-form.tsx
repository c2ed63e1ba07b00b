import { useCallService } from '../hooks/use-calls';
import { AddressForm } from './address-form';

/** The blind-transfer field of one call: who to send the caller to. Closes once the transfer starts. */
export function TransferForm({ id, lineId, onStarted }: { id: string; lineId: string; onStarted(): void }) {
  const service = useCallService();
  return (
    <AddressForm
      id={id}
      formLabel="Blind transfer"
      fieldLabel="Transfer to"
      placeholder="Transfer to"
      submitLabel="Transfer call"
      enabled={service !== undefined}
      className="mt-3"
      onSubmit={(text) => {
        if (!service) return { ok: false, problem: 'The phone has not started yet' };
        const result = service.transfer(lineId, text);
        if (result.ok) onStarted();
        return result;
      }}
    />
  );
}
