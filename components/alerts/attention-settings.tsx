'use client';

import { useEffect, useState } from 'react';
import { beep, notificationsSupported, readSoundSetting, writeSoundSetting } from './notify';

/** Sound (off by default, remembered) and desktop notifications (permission asked only on click). */
export function AttentionSettings({
  soundOn,
  onSoundChange,
}: {
  soundOn: boolean;
  onSoundChange: (on: boolean) => void;
}) {
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>('default');

  useEffect(() => {
    onSoundChange(readSoundSetting());
    setPermission(notificationsSupported() ? Notification.permission : 'unsupported');
  }, [onSoundChange]);

  return (
    <>
      <label style={{ display: 'flex', gap: '0.35rem', alignItems: 'center' }}>
        <input
          type="checkbox"
          checked={soundOn}
          onChange={(e) => {
            writeSoundSetting(e.target.checked);
            onSoundChange(e.target.checked);
            if (e.target.checked) beep();
          }}
        />
        Sound on new alerts
      </label>
      {permission === 'default' && (
        <button type="button" onClick={() => void Notification.requestPermission().then(setPermission)}>
          Enable desktop notifications
        </button>
      )}
      {permission === 'granted' && <span className="small muted">Desktop notifications on</span>}
      {permission === 'denied' && <span className="small muted">Desktop notifications blocked in this browser</span>}
    </>
  );
}
