/**
 * Paths of the data fixtures in test/fixtures/eval, found from this file both when the tests run
 * from the sources (tsx) and from dist/ (tsc does not copy data files, so we walk up to the repo).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function fixture(...parts: string[]): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const p = join(dir, 'test', 'fixtures', 'eval', ...parts);
    if (existsSync(p)) return p;
    dir = dirname(dir);
  }
  throw new Error(`fixture not found: test/fixtures/eval/${parts.join('/')}`);
}

/** Path of a file of the repository (found by walking up to the folder holding package.json). */
export function repoFile(...parts: string[]): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, ...parts))) return join(dir, ...parts);
    dir = dirname(dir);
  }
  throw new Error(`repository file not found: ${parts.join('/')}`);
}
