import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { CallsStore } from '../stores/calls';
import type { HistoryStore } from '../stores/history';
import type { MessagesStore } from '../stores/messages';
import { CallsProvider } from '../ui/components/calls-provider';
import { MessagesProvider } from '../ui/components/messages-provider';
import { HistoryProvider } from '../ui/screens/history/history-provider';
import type { PhoneController } from './phone-controller';

interface PhoneProvidersProps {
  phone: PhoneController;
  calls: CallsStore;
  messages: MessagesStore;
  history: HistoryStore;
  children: ReactNode;
}

/** Gives the tree the services of whichever phone runs now; a switch of account hands over the new ones. */
export function PhoneProviders({ phone, calls, messages, history, children }: PhoneProvidersProps) {
  const running = useSyncExternalStore(phone.subscribe, phone.current);
  const callService = useMemo(() => running.then((p) => p?.calls), [running]);
  const messageService = useMemo(() => running.then((p) => p?.messages), [running]);
  const historyService = useMemo(() => running.then((p) => p?.history), [running]);
  return (
    <CallsProvider store={calls} service={callService}>
      <MessagesProvider store={messages} service={messageService}>
        <HistoryProvider store={history} service={historyService}>
          {children}
        </HistoryProvider>
      </MessagesProvider>
    </CallsProvider>
  );
}
