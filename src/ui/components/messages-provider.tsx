import type { ReactNode } from 'react';
import { useResolved } from '../hooks/use-resolved';
import type { MessageService } from '../../services/message-service';
import type { MessagesStore } from '../../stores/messages';
import { MessageServiceContext, MessagesStoreContext } from '../messages-context';

interface MessagesProviderProps {
  store: MessagesStore;
  /** Resolves once the phone runs; undefined when no account could be set up. */
  service: Promise<MessageService | undefined>;
  children: ReactNode;
}

/** Gives the tree the messages store at once and the message service as soon as the phone has started. */
export function MessagesProvider({ store, service, children }: MessagesProviderProps) {
  const resolved = useResolved(service);
  return (
    <MessagesStoreContext value={store}>
      <MessageServiceContext value={resolved}>{children}</MessageServiceContext>
    </MessagesStoreContext>
  );
}
