import { useStore } from 'zustand';
import { Banner } from './banner';
import { usePwa } from './pwa-context';

/** Offers a new version; during a call it says the update waits for the call to end. */
export function UpdateBanner() {
  const { update } = usePwa();
  const state = useStore(update.state);
  switch (state.kind) {
    case 'offered':
      return (
        <Banner role="status" action={{ label: 'Reload', onClick: () => update.accept() }}>
          Update available
        </Banner>
      );
    case 'after-call':
      return <Banner role="status">Update available — Tabphone will update after the call</Banner>;
    case 'none':
    case 'applying':
      return null;
  }
}
