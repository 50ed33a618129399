/**
 * Where the shipped knowledge base lives: the nearest folder above this module (source or
 * compiled) that holds `data/kb/meta.json`, so `loadKb()` works from `src/`, `dist/src/` and an
 * installed package alike.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root that ships `data/kb`, or `fallback` when none is found. */
export function packageRootOr(fallback: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'data', 'kb', 'meta.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return fallback;
}
