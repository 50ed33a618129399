/** Shared flag handling for CLI commands (node:util parseArgs with parley's vocabulary). */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { InputFormat } from '../doc.js';
import { ParleyError } from '../errors.js';
import { PIPELINES } from '../stages.js';
import { OPTIONS } from './usage.js';
import type { ParserName } from './usage.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * Parse argv for a command with the options usage.ts lists for it (its only options). A flag the
 * command does not take, a missing value or a value given to a switch is a PARLEY_CLI_USAGE error
 * that names the flag and points to the command's --help.
 */
export function parse(argv: string[], command: ParserName): Parsed {
  const options: Options = OPTIONS[command];
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (e) {
    throw new ParleyError('PARLEY_CLI_USAGE', { why: `parley ${command}: ${argProblem(e as Error & { code?: string }, options)}; \`parley ${command} --help\` lists its options.` });
  }
}

/** What went wrong, in the user's words: node:util's message without its advice on positionals. */
function argProblem(e: Error & { code?: string }, options: Options): string {
  const flag = /'([^']*)'/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const near = nearestOption(flag, options);
    return `unknown option '${flag}'${near ? ` (did you mean ${near}?)` : ''}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const long = /--[\w-]+/.exec(flag)?.[0] ?? flag;
    return / argument missing/.test(e.message) ? `${long} needs a value` : `${long} takes no value`;
  }
  return e.message.replace(/\.$/, '');
}

/**
 * The option a mistyped one probably meant, as `--name`: one it abbreviates, else the closest one
 * within one edit (two for names longer than five letters).
 */
function nearestOption(flag: string, options: Options): string | undefined {
  const typed = flag.replace(/^-+/, '').replace(/=.*$/, '');
  if (typed.length < 2) return undefined;
  let best: { name: string; d: number } | undefined;
  for (const name of Object.keys(options)) {
    const d = name.startsWith(typed) ? 0 : editDistance(typed, name);
    if (d <= (name.length > 5 ? 2 : 1) && (!best || d < best.d)) best = { name, d };
  }
  return best && `--${best.name}`;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
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

/** A --pipeline value: a name of PIPELINES (src/stages.ts), default `full`. */
export function pipelineFlag(v: unknown): string {
  return oneOf('--pipeline', v, Object.keys(PIPELINES), 'full');
}

/** Values of --input-format: the formats the readers can be told to use (ReadOptions.format). */
export const INPUT_FORMATS: readonly (InputFormat | 'auto')[] = ['auto', 'text', 'html', 'jsonl', 'csv', 'rss', 'atom', 'url', 'stdin'];

/** An --input-format value, default `auto`. */
export function inputFormatFlag(v: unknown): InputFormat | 'auto' {
  return oneOf('--input-format', v, INPUT_FORMATS, 'auto');
}
