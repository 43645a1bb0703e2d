import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoUsersFile, writeUsersFile } from './demo-users';
import { findUser, UsersFileError, usersFilePath, verifyPassword } from './users-file';

let dir: string;
let path: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fleet-users-'));
  path = join(dir, 'users.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('users file', () => {
  it('defaults to .data/users.json and honours USERS_FILE', () => {
    expect(usersFilePath({})).toMatch(/\.data\/users\.json$/);
    expect(usersFilePath({ USERS_FILE: '/srv/fleet/users.json' })).toBe('/srv/fleet/users.json');
  });

  it('finds users case-insensitively', async () => {
    await writeUsersFile(path, [{ username: 'Alice', name: 'Alice A.', role: 'Full Access', password: 'pw-alice' }]);
    expect(await findUser('alice', path)).toEqual({
      username: 'alice',
      name: 'Alice A.',
      role: 'Full Access',
      disabled: false,
    });
    expect(await findUser('bob', path)).toBeNull();
  });

  it.each([
    ['not JSON', '{'],
    ['not a list', '{"username":"a"}'],
    [
      'an unknown role',
      JSON.stringify([{ username: 'a', name: 'A', role: 'Root', passwordHash: `$2b$10$${'a'.repeat(53)}` }]),
    ],
    [
      'a plain-text password',
      JSON.stringify([{ username: 'a', name: 'A', role: 'Read Only', passwordHash: 'hunter2' }]),
    ],
    [
      'duplicate usernames',
      JSON.stringify(
        ['a', 'A'].map((username) => ({
          username,
          name: 'A',
          role: 'Read Only',
          passwordHash: `$2b$10$${'a'.repeat(53)}`,
        })),
      ),
    ],
  ])('refuses a file with %s (fails closed)', async (_case, content) => {
    await writeFile(path, content);
    await expect(findUser('a', path)).rejects.toThrow(UsersFileError);
  });

  it('refuses a missing file', async () => {
    await expect(findUser('a', join(dir, 'absent.json'))).rejects.toThrow(UsersFileError);
  });

  it('re-reads the file when it changes: role change and disabling apply at once', async () => {
    await writeUsersFile(path, [{ username: 'ops', role: 'Administrator', password: 'pw' }]);
    expect((await findUser('ops', path))?.role).toBe('Administrator');

    await writeUsersFile(path, [{ username: 'ops', role: 'Read Only', password: 'pw' }]);
    expect((await findUser('ops', path))?.role).toBe('Read Only');

    await writeUsersFile(path, [{ username: 'ops', role: 'Read Only', password: 'pw', disabled: true }]);
    expect((await findUser('ops', path))?.disabled).toBe(true);
    expect(await verifyPassword('ops', 'pw', path)).toBeNull();
  });

  it('keeps the last good file out of use once the file turns invalid', async () => {
    await writeUsersFile(path, [{ username: 'ops', role: 'Administrator', password: 'pw' }]);
    await findUser('ops', path);
    await writeFile(path, '[{"username":');
    await expect(findUser('ops', path)).rejects.toThrow(UsersFileError);
  });
});

describe('verifyPassword', () => {
  beforeEach(async () => {
    await writeUsersFile(path, [{ username: 'admin', name: 'Ada', role: 'Administrator', password: 'correct horse' }]);
  });

  it('returns the user for the right password', async () => {
    expect(await verifyPassword('Admin', 'correct horse', path)).toMatchObject({
      username: 'admin',
      role: 'Administrator',
    });
  });

  it('returns null for a wrong password, an unknown user and an empty password', async () => {
    expect(await verifyPassword('admin', 'wrong', path)).toBeNull();
    expect(await verifyPassword('nobody', 'correct horse', path)).toBeNull();
    expect(await verifyPassword('admin', '', path)).toBeNull();
  });

  it('does a bcrypt comparison of the same cost for an unknown user', async () => {
    // Timing equality is asserted structurally: both paths await one compare against a cost-10 hash.
    const started = performance.now();
    await verifyPassword('admin', 'wrong', path);
    const known = performance.now() - started;
    const startedUnknown = performance.now();
    await verifyPassword('nobody', 'wrong', path);
    const unknown = performance.now() - startedUnknown;
    expect(unknown).toBeGreaterThan(known / 4);
  });
});

describe('demo users', () => {
  it('writes one user per role with fresh passwords that verify', async () => {
    const logins = await createDemoUsersFile(path);
    expect(logins.map((l) => [l.username, l.role])).toEqual([
      ['admin', 'Administrator'],
      ['operator', 'Full Access'],
      ['viewer', 'Read Only'],
      ['diag', 'Diagnostic'],
    ]);
    for (const login of logins) {
      expect(login.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(await verifyPassword(login.username, login.password, path)).not.toBeNull();
    }
    const again = await createDemoUsersFile(path);
    expect(again[0].password).not.toBe(logins[0].password);
  });

  it('stores only cost-10 bcrypt hashes, readable by the owner only', async () => {
    const logins = await createDemoUsersFile(path);
    const content = await readFile(path, 'utf8');
    for (const login of logins) expect(content).not.toContain(login.password);
    for (const user of JSON.parse(content) as Array<{ passwordHash: string }>) {
      expect(bcrypt.getRounds(user.passwordHash)).toBe(10);
    }
    expect((await stat(path)).mode & 0o077).toBe(0);
  });
});
