/**
 * How the env sections read variables: blank counts as unset (`.env` templates often carry `NAME=`),
 * every message starts with the variable's name and never holds its value, and a section is parsed
 * again only when one of its variables changed (tests change them; production never does).
 */
import { z } from 'zod';
import { processSingleton } from '../process-state';

/** Variables as read: a plain record, so tests pass their own instead of process.env. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

export class EnvError extends Error {
  override name = 'EnvError';
}

const blankAsUnset = (value: unknown) =>
  typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim()) : value;

/** A set variable, trimmed; unset when blank. */
export const text = () => z.preprocess(blankAsUnset, z.string().optional());

export const integer = (min: number, max: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce
      .number(`must be an integer between ${min} and ${max}`)
      .int(`must be an integer between ${min} and ${max}`)
      .min(min, `must be an integer between ${min} and ${max}`)
      .max(max, `must be an integer between ${min} and ${max}`)
      .optional(),
  );

export const positive = () =>
  z.preprocess(
    blankAsUnset,
    z.coerce.number('must be a positive number').positive('must be a positive number').optional(),
  );

/** `1` turns it on; unset or `0` leaves it off. Anything else is a mistake worth stopping for. */
export const flag = () =>
  z.preprocess(blankAsUnset, z.enum(['0', '1'], 'must be 1 (on) or 0 (off)').optional()).transform((v) => v === '1');

/** An absolute http(s) URL. */
export const httpUrl = (example: string) =>
  z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine((raw) => {
        try {
          const { protocol } = new URL(raw);
          return protocol === 'http:' || protocol === 'https:';
        } catch {
          return false;
        }
      }, `must be an http(s) URL such as ${example}`)
      .optional(),
  );

function message(issue: z.core.$ZodIssue): string {
  const name = issue.path[0];
  return typeof name === 'string' ? `${name} ${issue.message}` : issue.message;
}

/** Parses with `schema`, or throws an EnvError naming the first variable that is wrong. */
export function parseEnv<S extends z.ZodType>(schema: S, env: EnvSource): z.output<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new EnvError(message(parsed.error.issues[0]!));
  return parsed.data;
}

/**
 * A section's reader: parses the variables it names from `env` (process.env by default), again only
 * when one of them changed since the last call.
 */
export interface EnvSection<T> {
  (env?: EnvSource): T;
  /** The variables it reads. */
  readonly variables: readonly string[];
}

export function envSection<T>(name: string, variables: readonly string[], parse: (env: EnvSource) => T): EnvSection<T> {
  const read = (env: EnvSource = process.env) => {
    const key = variables.map((v) => env[v] ?? '\u0000').join('\u0001');
    const memo = processSingleton(`env:${name}`, () => ({ key: null as string | null, value: null as T | null }));
    if (memo.key !== key) {
      memo.value = parse(env);
      memo.key = key;
    }
    return memo.value as T;
  };
  return Object.assign(read, { variables: [...new Set(variables)] });
}
