import { saveDisplayPreference } from '@/lib/display/actions';
import type { ThemeChoice, TimesChoice } from '@/lib/display/preferences';
import { ZoneField } from './zone-field';

const THEME_LABELS: Array<{ value: ThemeChoice; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * Theme and time zone, in a popover of the top bar. Plain forms posting to a server action: the
 * choice is stored in a cookie and the page re-renders with it, so no script beyond the zone field
 * ships for it, and the browser's popover gives keyboard, Escape and outside-click handling for free.
 */
export function DisplaySettings({ theme, times }: { theme: ThemeChoice; times: TimesChoice }) {
  return (
    <>
      <button
        type="button"
        className="topbar-button"
        popoverTarget="display-settings"
        data-testid="display-settings-button"
      >
        Display
      </button>
      <div
        id="display-settings"
        popover="auto"
        className="popover-panel display-settings"
        role="dialog"
        aria-label="Display settings"
      >
        <form action={saveDisplayPreference}>
          <fieldset className="choice-group">
            <legend>Theme</legend>
            <div className="choice-buttons">
              {THEME_LABELS.map((t) => (
                <button
                  key={t.value}
                  type="submit"
                  name="theme"
                  value={t.value}
                  aria-pressed={theme === t.value}
                  data-testid={`theme-${t.value}`}
                >
                  {t.label}
                </button>
              ))}
            </div>
          </fieldset>
        </form>
        <form action={saveDisplayPreference}>
          <fieldset className="choice-group">
            <legend>Times</legend>
            <div className="choice-buttons">
              <button
                type="submit"
                name="times"
                value="utc"
                aria-pressed={times.mode === 'utc'}
                data-testid="times-utc"
              >
                UTC
              </button>
              <button
                type="submit"
                name="times"
                value="local"
                aria-pressed={times.mode === 'local'}
                data-testid="times-local"
              >
                My time zone
              </button>
            </div>
            <ZoneField />
          </fieldset>
          <p className="small muted" data-testid="times-note">
            {times.mode === 'local'
              ? `Times are shown in ${times.zone}, labelled with their offset from UTC.`
              : 'Times are shown in UTC.'}
          </p>
        </form>
      </div>
    </>
  );
}
