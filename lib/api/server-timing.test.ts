import { describe, expect, it } from 'vitest';
import { serverTimer } from './server-timing';

describe('serverTimer', () => {
  it('reports each phase and the total in Server-Timing syntax', () => {
    const clock = [100, 102.5, 110, 111.25];
    const timer = serverTimer(() => clock.shift()!);
    timer.mark('auth');
    timer.mark('query');
    timer.mark('json');
    expect(timer.header()).toBe('auth;dur=2.5, query;dur=7.5, json;dur=1.3, total;dur=11.3');
  });
});
