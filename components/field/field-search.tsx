'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useRef } from 'react';
import { ScanButton } from './scan-button';

/** A plain GET form (works before scripts load), plus the camera where the phone can scan. */
export function FieldSearch({ initial }: { initial: string }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const onCode = useCallback(
    (code: string) => {
      if (input.current) input.current.value = code;
      router.push(`/field?q=${encodeURIComponent(code)}`);
    },
    [router],
  );
  return (
    <form action="/field" method="get" className="field-search">
      <label htmlFor="field-q">Name, serial, MAC, IMEI or asset id</label>
      <div className="field-search-row">
        <input
          id="field-q"
          ref={input}
          name="q"
          defaultValue={initial}
          maxLength={200}
          autoComplete="off"
          autoCapitalize="characters"
          enterKeyHint="search"
          required
        />
        <button type="submit">Find</button>
      </div>
      <ScanButton onCode={onCode} />
    </form>
  );
}
