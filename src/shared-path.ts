/**
 * Where the shared evaluation data lives (gold sets, benchmarks, knowledge-base sources).
 * `PARLEY_SHARED` overrides; the default is `../shared` next to the working directory.
 * Evaluation and benchmark commands read from here at run time and skip what is absent;
 * unit tests never depend on it.
 */
import { existsSync } from 'node:fs';
import { resolve, join } from 'node:path';

export function sharedDir(): string {
  return resolve(process.env.PARLEY_SHARED ?? join(process.cwd(), '..', 'shared'));
}

/** Absolute path of a file or folder under the shared data, or undefined when it is absent. */
export function sharedPath(...parts: string[]): string | undefined {
  const p = join(sharedDir(), ...parts);
  return existsSync(p) ? p : undefined;
}
