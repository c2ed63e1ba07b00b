import { useMessageService } from '../hooks/use-messages';
import { AddressForm } from './address-form';

/** A number or SIP URI field that opens (or starts) the conversation with it. */
export function MessagesNewConversation() {
  const service = useMessageService();
  return (
    <AddressForm
      formLabel="New conversation"
      fieldLabel="New conversation with"
      placeholder="Number or SIP URI"
      submitLabel="Start conversation"
      enabled={service !== undefined}
      onSubmit={(text) => {
        if (!service) return { ok: false, problem: 'The phone has not started yet' };
        const result = service.conversationFor(text);
        if (!result.ok) return result;
        service.openConversation(result.peer);
        return { ok: true };
      }}
    />
  );
}
