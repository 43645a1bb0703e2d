/**
 * `.env.example` is the list of every setting: it names each variable the env sections read, no
 * other, and its values are the defaults (so copying it changes nothing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { authEnv, checkServerEnv, fleetEnv, ncmEnv, siteEnv, storeEnv, toolsEnv } from './index';

const root = join(__dirname, '..', '..');
const example = readFileSync(join(root, '.env.example'), 'utf8');
const entries = Object.fromEntries(
  example
    .split('\n')
    .filter((line) => /^[A-Z0-9_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

const SECTIONS = [ncmEnv, fleetEnv, storeEnv, siteEnv, authEnv, toolsEnv];

describe('.env.example', () => {
  it('lists exactly the variables the settings read', () => {
    expect(Object.keys(entries).sort()).toEqual([...new Set(SECTIONS.flatMap((section) => section.variables))].sort());
  });

  it('holds the defaults: reading it gives what reading nothing gives', () => {
    expect(() => checkServerEnv(entries, { serving: false })).not.toThrow();
    for (const section of SECTIONS) {
      expect(section(entries)).toEqual(section({}));
    }
  });
});
