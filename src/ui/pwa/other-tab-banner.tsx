import { useStore } from 'zustand';
import { Banner } from './banner';
import { usePwa } from './pwa-context';

/** This account is registered by another Tabphone tab; "Use here" moves it to this one. */
export function OtherTabBanner() {
  const { accountTab } = usePwa();
  const { role, takeOver } = useStore(accountTab);
  switch (role) {
    case 'elsewhere':
      return (
        <Banner role="status" action={{ label: 'Use here', onClick: takeOver }}>
          This account is active in another tab
        </Banner>
      );
    case 'taking-over':
      return <Banner role="status">Moving the account to this tab…</Banner>;
    case 'handing-over':
      return <Banner role="status">Another tab takes over this account after the call</Banner>;
    case 'claiming':
    case 'owner':
      return null;
  }
}
