'use client';

import { useEffect, useRef, useState } from 'react';

const DEBOUNCE_MS = 250;

/** Searches name, serial, MAC, IMEI, ICCID, IP and asset id on the server, 250 ms after typing stops. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string | undefined) => void }) {
  const [text, setText] = useState(value);
  const sent = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Back/forward changed the URL: show what it says.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(next: string) {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const q = next.trim();
      sent.current = q;
      onSearch(q || undefined);
    }, DEBOUNCE_MS);
  }

  return (
    <label className="search-box">
      Search
      <input
        type="search"
        value={text}
        maxLength={200}
        placeholder="Name, serial, MAC, IMEI, ICCID, IP, asset id"
        onChange={(e) => onChange(e.target.value)}
        data-testid="fleet-search"
      />
    </label>
  );
}
