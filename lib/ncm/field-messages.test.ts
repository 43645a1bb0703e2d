import { describe, expect, it } from 'vitest';
import { fieldMessages } from './field-messages';

const SECRET = 'ecm-key-0123456789';

describe('fieldMessages', () => {
  it('reads the field an exception message names (NCM and the simulator)', () => {
    expect(
      fieldMessages(
        { errors: [], exception: { message: 'description: at most 255 characters.', type: 'bad_request' } },
        [],
      ),
    ).toEqual([{ field: 'description', message: 'at most 255 characters.' }]);
  });

  it('reads a list of field errors and a field → messages object', () => {
    expect(fieldMessages({ errors: [{ field: 'name', message: 'Too long.' }] }, [])).toEqual([
      { field: 'name', message: 'Too long.' },
    ]);
    expect(
      fieldMessages({ name: ['Ensure this field has no more than 255 characters.'], group: 'Invalid hyperlink.' }, []),
    ).toEqual([
      { field: 'name', message: 'Ensure this field has no more than 255 characters.' },
      { field: 'group', message: 'Invalid hyperlink.' },
    ]);
  });

  it('keeps nothing that is not tied to a field', () => {
    expect(fieldMessages({ exception: { message: 'Something went wrong.' } }, [])).toEqual([]);
    expect(fieldMessages({ exception: 'unauthorized', message: 'bad keys', success: false }, [])).toEqual([]);
    expect(fieldMessages('name: plain text', [])).toEqual([]);
    expect(fieldMessages(null, [])).toEqual([]);
  });

  it('drops a message that echoes a key, runs long, or carries control or direction characters', () => {
    expect(fieldMessages({ name: [`key ${SECRET} is not a name`] }, [SECRET])).toEqual([]);
    expect(fieldMessages({ name: ['x'.repeat(201)] }, [])).toEqual([]);
    expect(fieldMessages({ name: ['evil\u202Etxt.exe'] }, [])).toEqual([]);
    expect(fieldMessages({ 'Name Field': ['bad'] }, [])).toEqual([]);
  });
});
