// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Time } from './time';
import { TimesProvider } from './times-context';

afterEach(cleanup);

describe('Time', () => {
  const iso = '2026-12-02T14:03:09Z';

  it('is in UTC and says so when no preference is given', () => {
    render(<Time iso={iso} />);
    expect(screen.getByText('02 Dec 2026, 14:03 UTC').getAttribute('datetime')).toBe(iso);
  });

  it('follows the viewer\u2019s zone and labels it with the offset', () => {
    render(
      <TimesProvider value={{ mode: 'local', zone: 'Asia/Kolkata' }}>
        <Time iso={iso} style="seconds" />
      </TimesProvider>,
    );
    expect(screen.getByText('19:33:09 UTC+5:30')).toBeTruthy();
  });

  it('shows a dash without a time', () => {
    render(<Time iso={null} />);
    expect(screen.getByText('—')).toBeTruthy();
  });
});
