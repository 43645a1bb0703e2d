/**
 * How an offline copy says how old it is: to the second, in UTC like every other time in the
 * dashboard, with the date when it is not from today (a copy can be hours old by the end of a shift).
 */
const time = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});
const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });

export function formatAsOf(storedAt: number, now: number = Date.now()): string {
  const at = new Date(storedAt);
  const sameDay = at.toISOString().slice(0, 10) === new Date(now).toISOString().slice(0, 10);
  return `${sameDay ? '' : `${day.format(at)}, `}${time.format(at)} UTC`;
}

/**
 * The banner over a page showing kept data. When the browser itself says it is online, the network is
 * there but Fleet Console did not answer (refused, or not within the worker's wait): say that instead.
 */
export function offlineNotice(storedAt: number, options: { browserOnline?: boolean; now?: number } = {}): string {
  const what = options.browserOnline ? 'Fleet Console is not answering' : 'Offline';
  return `${what} — showing data as of ${formatAsOf(storedAt, options.now ?? Date.now())}`;
}
