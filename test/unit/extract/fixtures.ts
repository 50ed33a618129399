/** Reading the HTML fixtures of test/fixtures/html, from the tsx sources or from compiled dist/. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The text of `test/fixtures/html/<name>`. */
export function htmlFixture(name: string): string {
  const candidates = [
    join(here, '..', '..', 'fixtures', 'html', name),
    join(here, '..', '..', '..', '..', 'test', 'fixtures', 'html', name),
  ];
  const found = candidates.find((p) => existsSync(p)) ?? candidates[0];
  return readFileSync(found, 'utf8');
}
