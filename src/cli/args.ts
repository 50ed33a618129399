/** Shared flag handling for CLI commands (node:util parseArgs with parley's vocabulary). */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { ParleyError } from '../errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parse argv for a command; unknown flags become a PARLEY_CLI_USAGE error. */
export function parse(argv: string[], options: Options, command: string): Parsed {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    throw new ParleyError('PARLEY_CLI_USAGE', { why: `parley ${command}: ${(e as Error).message}.` });
  }
}

/** Validate an optional YYYY-MM-DD flag value. */
export function dateFlag(flag: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) {
    throw new ParleyError('PARLEY_CLI_BAD_DATE', { flag, value: s });
  }
  return s;
}

export function intFlag(flag: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new ParleyError('PARLEY_CLI_USAGE', { why: `${flag} must be a whole number, got '${v}'.` });
  return n;
}

export function oneOf<T extends string>(flag: string, v: unknown, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (!allowed.includes(v as T)) {
    throw new ParleyError('PARLEY_CLI_USAGE', { why: `${flag} must be one of ${allowed.join(', ')}, got '${v}'.` });
  }
  return v as T;
}

/** The store location: --db, then PARLEY_DB, then ./parley.db. */
export function dbLocation(v: unknown): string {
  return typeof v === 'string' && v !== '' ? v : process.env.PARLEY_DB ?? './parley.db';
}

/** Writes to stdout, respecting back-pressure and a closed pipe (e.g. `| head`). */
export function out(s: string): void {
  process.stdout.write(s);
}
