import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ERRORS, ParleyError, formatMessage } from '../../src/errors.js';
import { errorsDoc } from '../../scripts/errors-doc.js';

const ROOT = resolve(import.meta.dirname, '..', '..', import.meta.url.includes('/dist/') ? '..' : '');

test('errors catalogue codes follow PARLEY_<AREA>_<WHAT> and carry status and exit codes', () => {
  for (const [code, spec] of Object.entries(ERRORS)) {
    assert.match(code, /^PARLEY_[A-Z]+_[A-Z_]+$/);
    assert.ok(spec.status >= 400 && spec.status < 600, code);
    assert.ok(Number.isInteger(spec.exit) && spec.exit > 0, code);
  }
});

test('errors docs/errors.md lists exactly the catalogue (regenerate with scripts/errors-doc.ts)', () => {
  const page = readFileSync(join(ROOT, 'docs', 'errors.md'), 'utf8');
  assert.equal(page, errorsDoc());
});

test('errors ParleyError fills the template and prefixes the code', () => {
  const e = new ParleyError('PARLEY_INPUT_NOT_FOUND', { path: 'a/b.txt' });
  assert.equal(e.message, '[PARLEY_INPUT_NOT_FOUND] a/b.txt: no such file or directory. Check the path.');
  assert.equal(e.exit, 66);
  assert.equal(formatMessage('{x} and {y}', { x: 1 }), '1 and {y}');
});
