'use client';

import { createContext, type ReactNode, useContext } from 'react';
import { type TimesChoice, UTC_TIMES } from '@/lib/display/preferences';

const TimesContext = createContext<TimesChoice>(UTC_TIMES);

/** The zone times are shown in, as the server read it from the viewer's preference cookie. */
export function TimesProvider({ value, children }: { value: TimesChoice; children: ReactNode }) {
  return <TimesContext value={value}>{children}</TimesContext>;
}

export function useTimes(): TimesChoice {
  return useContext(TimesContext);
}
