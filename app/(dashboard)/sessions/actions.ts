'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { endSessionsOf } from '@/lib/data/sessions';

const userIdSchema = z.string().regex(/^(credentials|oidc):[^\s]{1,256}$/);

/** The form on /sessions: ends one person's sessions (the data function checks the role). */
export async function endSessionsAction(formData: FormData): Promise<void> {
  const userId = userIdSchema.safeParse(formData.get('userId'));
  if (!userId.success) return;
  await endSessionsOf(userId.data);
  revalidatePath('/sessions');
}
