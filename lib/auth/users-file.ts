import 'server-only';
/**
 * The users file: who may sign in with a password, and with which role. Re-read whenever the file
 * changes on disk, so a role change or a disabled account takes effect on the next request
 * without a restart. Fails closed: a missing or invalid file means nobody is found.
 */
import { stat, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import bcrypt from 'bcryptjs';
import type { Role } from './permissions';
import { authEnv, type EnvSource } from '@/lib/env';
import { normaliseUsername, type UserRecord, usersFileSchema } from './users-schema';

export interface StoredUser {
  username: string;
  name: string;
  role: Role;
  disabled: boolean;
}

interface LoadedUsers {
  /** mtime, size and inode together: an atomic rename or a same-millisecond rewrite still counts. */
  version: string;
  byUsername: Map<string, UserRecord>;
  /** A hash of the same cost as the real ones, so an unknown user costs as much as a known one. */
  dummyHash: Promise<string>;
}

// One cache per process, not per bundle: Next may load this module once per route bundle.
const CACHE_KEY = Symbol.for('fleet-console.users-file');
type CacheHolder = { [CACHE_KEY]?: { path: string; loaded: LoadedUsers } };
const holder = globalThis as CacheHolder;

/** Longest password we hash; bcrypt ignores bytes after 72 anyway, this just bounds the input. */
const MAX_PASSWORD_LENGTH = 1024;

export class UsersFileError extends Error {
  override name = 'UsersFileError';
}

export function usersFilePath(env: EnvSource = process.env): string {
  return resolve(authEnv(env).usersFile);
}

async function loadUsers(path: string): Promise<LoadedUsers> {
  let version: string;
  try {
    const info = await stat(path);
    version = `${info.mtimeMs}:${info.size}:${info.ino}`;
  } catch (error) {
    throw new UsersFileError(`users file ${path} is not readable: ${(error as Error).message}`);
  }
  const cached = holder[CACHE_KEY];
  if (cached && cached.path === path && cached.loaded.version === version) return cached.loaded;

  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new UsersFileError(`users file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const result = usersFileSchema.safeParse(parsed);
  if (!result.success) {
    // Only failures are not cached: the next request re-reads, e.g. after a half-written file.
    throw new UsersFileError(`users file ${path} is invalid: ${result.error.message}`);
  }
  const byUsername = new Map(result.data.map((user) => [normaliseUsername(user.username), user]));
  const rounds = Math.max(10, ...result.data.map((user) => bcrypt.getRounds(user.passwordHash)));
  const loaded: LoadedUsers = { version, byUsername, dummyHash: bcrypt.hash(crypto.randomUUID(), rounds) };
  holder[CACHE_KEY] = { path, loaded };
  return loaded;
}

function toStoredUser(record: UserRecord): StoredUser {
  return {
    username: normaliseUsername(record.username),
    name: record.name,
    role: record.role,
    disabled: record.disabled === true,
  };
}

/** The current entry for `username`, disabled or not; null when absent. Throws UsersFileError. */
export async function findUser(username: string, path = usersFilePath()): Promise<StoredUser | null> {
  const { byUsername } = await loadUsers(path);
  const record = byUsername.get(normaliseUsername(username));
  return record ? toStoredUser(record) : null;
}

/**
 * The user when the password matches and the account is enabled, else null. Unknown, disabled and
 * wrong-password cases all run one bcrypt comparison, so timing does not reveal which it was.
 */
export async function verifyPassword(
  username: string,
  password: string,
  path = usersFilePath(),
): Promise<StoredUser | null> {
  const users = await loadUsers(path);
  const dummyHash = await users.dummyHash;
  const record = users.byUsername.get(normaliseUsername(username));
  const usable = record !== undefined && record.disabled !== true;
  const acceptableInput = password.length > 0 && password.length <= MAX_PASSWORD_LENGTH;
  const matches = await bcrypt.compare(acceptableInput ? password : '', usable ? record.passwordHash : dummyHash);
  return usable && acceptableInput && matches ? toStoredUser(record) : null;
}
