import { OtherTabBanner } from './other-tab-banner';
import { SoundBlockedBanner } from './sound-blocked-banner';
import { UpdateBanner } from './update-banner';

/** The app-level notices, above the app so they cover none of its controls; nothing shows when there are none. */
export function PwaBanners() {
  return (
    <aside aria-label="Notices" className="flex flex-col gap-2 bg-slate-50 px-3 pt-3 empty:hidden dark:bg-slate-950">
      <SoundBlockedBanner />
      <OtherTabBanner />
      <UpdateBanner />
    </aside>
  );
}
