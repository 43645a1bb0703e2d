/**
 * Shape of the users file (`USERS_FILE`, default `.data/users.json`). Plain module: shared by the
 * server-only loader (users-file.ts) and by Node scripts that write the file (demo-users.ts).
 */
import { z } from 'zod';
import { ROLES } from './permissions';

/** Usernames are compared case-insensitively, so "Admin" and "admin" are one account. */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

// bcrypt modular-crypt format: $2a$/$2b$/$2y$, two-digit cost, 53 chars of salt+hash.
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

export const userRecordSchema = z.object({
  username: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, 'username: 1-64 of letters, digits, . _ @ -'),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  passwordHash: z.string().regex(BCRYPT_HASH, 'passwordHash must be a bcrypt hash'),
  disabled: z.boolean().optional(),
});

export type UserRecord = z.infer<typeof userRecordSchema>;

export const usersFileSchema = z.array(userRecordSchema).superRefine((users, ctx) => {
  const seen = new Set<string>();
  users.forEach((user, index) => {
    const key = normaliseUsername(user.username);
    if (seen.has(key)) {
      ctx.addIssue({ code: 'custom', path: [index, 'username'], message: `duplicate username "${key}"` });
    }
    seen.add(key);
  });
});
