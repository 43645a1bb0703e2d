'use client';

import { forgetOfflineCopies } from './offline-worker-client';

/**
 * The navigation bar's sign-out: the server action ends the session; before its request leaves, the
 * pages and answers kept on this device for offline use are dropped, so the next person to use the
 * device cannot read them (the worker also drops them when the login page loads).
 */
export function SignOutForm({ action }: { action: () => Promise<void> }) {
  return (
    <form action={action} onSubmit={() => void forgetOfflineCopies()}>
      <button type="submit" className="link">
        Sign out
      </button>
    </form>
  );
}
