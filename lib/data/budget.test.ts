import { afterEach, describe, expect, it, vi } from 'vitest';
import { NcmCallBudget, setNcmCallBudget } from '@/lib/ncm/budget';
import { budgetWaitNote } from './budget';

vi.mock('@/lib/auth/session', () => ({ authorize: vi.fn(async () => ({ role: 'Read Only' })) }));

afterEach(() => setNcmCallBudget(undefined));

describe('budgetWaitNote', () => {
  it('says nothing while a call can start now', async () => {
    setNcmCallBudget(new NcmCallBudget({ perMinute: 100 }));
    expect(await budgetWaitNote()).toBeNull();
  });

  it('says how long a section will wait once the budget of this minute is spent', async () => {
    const budget = new NcmCallBudget({ perMinute: 3, backgroundShare: 1 });
    for (let i = 0; i < 3; i++) await budget.acquire();
    setNcmCallBudget(budget);
    expect(await budgetWaitNote()).toMatch(/^Waiting about (59|60) s for NetCloud Manager's call budget/);
  });
});
