const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const date = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dateWithYear = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function startOfDay(ms: number): number {
  const day = new Date(ms);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/** When a call was, as briefly as is clear: "14:05", "Yesterday 14:05", "3 Nov 14:05", "3 Nov 2025". */
export function formatCallTime(at: number, now: number): string {
  const days = Math.round((startOfDay(now) - startOfDay(at)) / 86_400_000);
  if (days === 0) return time.format(at);
  if (days === 1) return `Yesterday ${time.format(at)}`;
  if (new Date(at).getFullYear() === new Date(now).getFullYear()) return `${date.format(at)} ${time.format(at)}`;
  return dateWithYear.format(at);
}
