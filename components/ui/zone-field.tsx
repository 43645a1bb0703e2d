'use client';

/**
 * The browser's own time zone, sent with the "Local" choice: only the browser knows it, and the
 * server needs it to render local times before any script runs on later pages.
 */
export function ZoneField() {
  return (
    <input
      type="hidden"
      name="zone"
      ref={(el) => {
        if (el) el.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
      }}
    />
  );
}
