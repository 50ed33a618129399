/**
 * Turning the inputs named on a command line into the list of things to read: files (directories
 * expanded recursively in sorted order, hidden entries and unknown extensions skipped), URLs and
 * stdin. Paths that cannot be used become error entries in place, so the order of the output
 * follows the order of the inputs. A directory holding no file parley reads is an EMPTY entry.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ErrorCode } from '../errors.js';
import { nameInfo } from './sniff.js';
import { isUrl } from './url.js';

export type Planned =
  | { type: 'file'; path: string; size: number; explicit: boolean }
  | { type: 'url'; url: string }
  | { type: 'stdin' }
  | { type: 'error'; path: string; code: ErrorCode; why?: string };

/** Map a file-system error to a catalogue code and a few words. */
export function fsProblem(e: unknown): { code: ErrorCode; why: string } {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return { code: 'PARLEY_INPUT_NOT_FOUND', why: 'no such file or directory' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'PARLEY_INPUT_UNREADABLE', why: 'permission denied' };
    case 'ELOOP':
      return { code: 'PARLEY_INPUT_UNREADABLE', why: 'too many levels of symbolic links' };
    case 'EISDIR':
      return { code: 'PARLEY_INPUT_UNREADABLE', why: 'is a directory' };
    default:
      return { code: 'PARLEY_INPUT_UNREADABLE', why: err?.message ?? String(e) };
  }
}

/** Code-unit order, the same on every machine and locale. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entries stat'ed at once while walking a directory. */
const STAT_CHUNK = 64;

async function walk(dir: string, out: Planned[], seen: Set<string>): Promise<void> {
  let names: string[];
  try {
    const real = await realpath(dir);
    if (seen.has(real)) return; // a symbolic link back up the tree
    seen.add(real);
    names = await readdir(dir);
  } catch (e) {
    const p = fsProblem(e);
    out.push({ type: 'error', path: dir, code: p.code === 'PARLEY_INPUT_NOT_FOUND' ? 'PARLEY_INPUT_UNREADABLE' : p.code, why: p.why });
    return;
  }
  names.sort(byName);
  const visible = names.filter((name) => !name.startsWith('.'));
  // stat a chunk of entries at a time (a directory may hold many thousand articles); the order
  // of the plan stays the sorted order.
  for (let i = 0; i < visible.length; i += STAT_CHUNK) {
    const chunk = visible.slice(i, i + STAT_CHUNK).map((name) => join(dir, name));
    const stats = await Promise.all(chunk.map((full) => stat(full).then((st) => ({ st }), (error: unknown) => ({ error }))));
    for (let j = 0; j < chunk.length; j++) {
      const full = chunk[j];
      const known = nameInfo(full).kind !== undefined;
      const got = stats[j];
      if ('error' in got) {
        // A dangling link or an entry that vanished: report it only when it would have been read.
        if (known) {
          const p = fsProblem(got.error);
          out.push({ type: 'error', path: full, code: p.code, why: p.why });
        }
        continue;
      }
      if (got.st.isDirectory()) await walk(full, out, seen);
      else if (got.st.isFile() && known) out.push({ type: 'file', path: full, size: got.st.size, explicit: false });
    }
  }
}

/** Expand inputs into a reading plan, in input order. */
export async function planInputs(inputs: string[]): Promise<Planned[]> {
  const out: Planned[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push({ type: 'stdin' });
      continue;
    }
    if (isUrl(input)) {
      out.push({ type: 'url', url: input });
      continue;
    }
    let st;
    try {
      st = await stat(input);
    } catch (e) {
      const p = fsProblem(e);
      out.push({ type: 'error', path: input, code: p.code, why: p.why });
      continue;
    }
    if (st.isDirectory()) {
      const before = out.length;
      await walk(input, out, new Set());
      // A directory with nothing parley reads in it is reported, not passed over in silence.
      if (out.length === before) out.push({ type: 'error', path: input, code: 'PARLEY_INPUT_EMPTY' });
    } else out.push({ type: 'file', path: input, size: st.isFile() ? st.size : 0, explicit: true });
  }
  return out;
}
