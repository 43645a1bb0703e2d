import { describe, expect, it } from 'vitest';
import { NcmError } from './errors';

describe('NcmError across module copies', () => {
  it('is recognised by instanceof when thrown by another bundle\u2019s copy of the class', () => {
    // What another copy produces: the same brand on an unrelated Error subclass.
    const brand = Symbol.for('fleet-console.ncm-error');
    class OtherCopy extends Error {
      readonly [brand] = true;
    }
    const foreign = new OtherCopy('NCM call budget exhausted');
    expect(foreign instanceof NcmError).toBe(true);
  });

  it('is not fooled by plain errors or other values', () => {
    expect(new Error('x') instanceof NcmError).toBe(false);
    expect(Object.assign(new Error('x'), { kind: 'timeout' }) instanceof NcmError).toBe(false);
    expect(new NcmError('timeout', 'slow') instanceof NcmError).toBe(true);
  });
});
