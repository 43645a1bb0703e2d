/**
 * The Auth.js instance for proxy.ts: the edge-safe config only, so the proxy bundle never pulls in
 * providers, bcrypt or the users file. It reads the same cookie with the same AUTH_SECRET.
 */
import NextAuth from 'next-auth';
import { authConfig } from './auth.config';

export const { auth: proxyAuth } = NextAuth(authConfig);
