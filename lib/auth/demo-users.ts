/**
 * Writes users files. A plain Node module (no Next, no 'server-only') so the demo launcher and the
 * e2e setup can call it from a script.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import bcrypt from 'bcryptjs';
import type { Role } from './permissions';
import { type UserRecord, usersFileSchema } from './users-schema';

/** Cost 10: about 50-100 ms per check on the target machines, enough for a small NOC tool. */
const BCRYPT_COST = 10;

export interface UserToWrite {
  username: string;
  name?: string;
  role: Role;
  password: string;
  disabled?: boolean;
}

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
}

const DEMO_USERS: ReadonlyArray<{ username: string; name: string; role: Role }> = [
  { username: 'admin', name: 'Demo Administrator', role: 'Administrator' },
  { username: 'operator', name: 'Demo Operator', role: 'Full Access' },
  { username: 'viewer', name: 'Demo Viewer', role: 'Read Only' },
  { username: 'diag', name: 'Demo Diagnostics', role: 'Diagnostic' },
];

/** 16 URL-safe characters (96 bits): typeable, and never a default password that ships. */
export function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Hashes the passwords and writes the file atomically (temp file + rename), readable by owner only. */
export async function writeUsersFile(path: string, users: readonly UserToWrite[]): Promise<void> {
  const records: UserRecord[] = await Promise.all(
    users.map(async (user) => ({
      username: user.username,
      name: user.name ?? user.username,
      role: user.role,
      passwordHash: await bcrypt.hash(user.password, BCRYPT_COST),
      ...(user.disabled ? { disabled: true } : {}),
    })),
  );
  // Same validation as the reader, so a script cannot write a file the app will refuse.
  usersFileSchema.parse(records);
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, `${JSON.stringify(records, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, path);
}

/** Four demo users, one per role, with fresh random passwords; returns them in clear for printing. */
export async function createDemoUsersFile(path: string): Promise<DemoLogin[]> {
  const users = DEMO_USERS.map((user) => ({ ...user, password: randomPassword() }));
  await writeUsersFile(path, users);
  return users.map(({ username, password, role }) => ({ username, password, role }));
}
