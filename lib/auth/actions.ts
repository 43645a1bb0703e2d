'use server';
/** Server actions for the navigation bar. */
import { signOut } from './index';

/** Ends the session and returns to the login page; use as `<form action={signOutAction}>`. */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/login' });
}
