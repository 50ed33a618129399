/**
 * Where parley's shipped data lives (`data/` at the package root), found by walking up from this
 * module so that it works from `src/` under tsx and from `dist/src/` after a build, else the
 * working directory's `data/`. `PARLEY_DATA` overrides the folder.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Absolute path of the `data/` folder. Throws when no candidate folder holds `cameo.json`. */
export function dataDir(): string {
  if (process.env.PARLEY_DATA) return resolve(process.env.PARLEY_DATA);
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'data', 'cameo.json'))) return (cached = join(dir, 'data'));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const cwd = join(process.cwd(), 'data');
  if (existsSync(join(cwd, 'cameo.json'))) return (cached = cwd);
  throw new Error('cannot find parley data/ folder (data/cameo.json); set PARLEY_DATA');
}
