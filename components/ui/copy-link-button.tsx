'use client';

import { useEffect, useState } from 'react';

/** Copies the address as it is now (tab, time window and all); falls back to a hidden textarea. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission denied or unsupported: try the old way below.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function CopyLinkButton() {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const t = setTimeout(() => setStatus('idle'), 2500);
    return () => clearTimeout(t);
  }, [status]);
  return (
    <span className="export">
      <button
        type="button"
        data-testid="copy-link"
        onClick={async () => setStatus((await copyText(window.location.href)) ? 'copied' : 'failed')}
      >
        Copy link
      </button>
      <span className="small muted" role="status" aria-live="polite" data-testid="copy-link-status">
        {status === 'copied' && 'Link copied'}
        {status === 'failed' && 'Could not copy; copy the address bar instead.'}
      </span>
    </span>
  );
}
