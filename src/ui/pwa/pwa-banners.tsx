import { OtherTabBanner } from './other-tab-banner';
import { SoundBlockedBanner } from './sound-blocked-banner';
import { UpdateBanner } from './update-banner';

/** The app-level notices, over the foot of the window where they cover no call controls for long. */
export function PwaBanners() {
  return (
    <aside aria-label="Notices" className="pointer-events-none fixed inset-x-0 bottom-0 z-20 mx-auto flex max-w-md flex-col gap-2 p-3">
      <SoundBlockedBanner />
      <OtherTabBanner />
      <UpdateBanner />
    </aside>
  );
}
