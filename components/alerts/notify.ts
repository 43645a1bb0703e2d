'use client';
/** Optional attention-getters for new alerts: a short beep and a desktop notification. */

const SOUND_SETTING = 'fleet-console:alerts-sound';

export function readSoundSetting(): boolean {
  try {
    return window.localStorage.getItem(SOUND_SETTING) === 'on';
  } catch {
    return false;
  }
}

export function writeSoundSetting(on: boolean): void {
  try {
    window.localStorage.setItem(SOUND_SETTING, on ? 'on' : 'off');
  } catch {
    // Private mode or storage full: the toggle then lasts for this page only.
  }
}

let audio: AudioContext | null = null;

/** A 180 ms 880 Hz beep; the AudioContext is created on first use (after a user gesture enabled sound). */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.18);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.2);
  } catch {
    // No audio device or autoplay refused: silence is acceptable.
  }
}

export function notificationsSupported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/** Shows a notification when the user granted permission; the text is set as text, never markup. */
export function notify(title: string, body: string): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag: 'fleet-console-alert' });
  } catch {
    // Some browsers only allow notifications from a service worker; ignore.
  }
}
