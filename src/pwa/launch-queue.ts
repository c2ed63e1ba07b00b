/** The part of window.launchQueue (File Handling / Launch Handler API) this app uses. */
export interface LaunchQueueLike {
  setConsumer(consumer: (params: { targetURL?: string | null }) => void): void;
}

/**
 * Hands the query string of every launch of the installed app to `handle`. With the manifest's
 * `launch_handler: focus-existing`, opening a sip: link while Tabphone runs focuses this window
 * and queues the link here instead of opening a new window. The launch that opened this page
 * also arrives here; the page has already acted on its own URL, so that one is skipped.
 */
export function consumeLaunches(queue: LaunchQueueLike | undefined, pageUrl: string, handle: (search: string) => void): void {
  let pageLaunchSeen = false;
  queue?.setConsumer(({ targetURL }) => {
    if (!targetURL) return;
    if (!pageLaunchSeen && targetURL === pageUrl) {
      pageLaunchSeen = true;
      return;
    }
    pageLaunchSeen = true;
    handle(new URL(targetURL).search);
  });
}
