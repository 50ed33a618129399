// Tests of the knowledge-base build. The build reads ../shared/kb-data: without it these tests skip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKb, KB_FILES, buildNameIndex } from '../../../src/actors/kb-build.js';
import { sharedPath } from '../../../src/shared-path.js';
import { packageRootOr } from '../../../src/actors/kb-path.js';
import { isParleyError } from '../../../src/errors.js';

const root = packageRootOr(process.cwd());
const kbData = sharedPath('kb-data');
const overlayDir = join(root, 'data', 'overlay');

test('buildKb gives byte-identical output for the same inputs', { skip: kbData ? false : 'no shared kb-data' }, () => {
  const a = mkdtempSync(join(tmpdir(), 'parley-kb-a-'));
  const b = mkdtempSync(join(tmpdir(), 'parley-kb-b-'));
  try {
    const shared = join(kbData!, '..');
    buildKb(shared, a, { overlayDir });
    buildKb(shared, b, { overlayDir });
    for (const f of KB_FILES) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(b, f))), f);
    for (const f of KB_FILES) assert.ok(readFileSync(join(a, f)).equals(readFileSync(join(root, 'data', 'kb', f))), `${f} matches the committed file`);
  } finally {
    rmSync(a, { recursive: true, force: true });
    rmSync(b, { recursive: true, force: true });
  }
});

test('buildKb refuses a bad overlay and writes nothing', { skip: kbData ? false : 'no shared kb-data' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-kb-bad-'));
  const out = join(dir, 'out');
  try {
    const ov = join(dir, 'overlay');
    mkdirSync(ov);
    for (const f of readdirSync(overlayDir)) copyFileSync(join(overlayDir, f), join(ov, f));
    const people = readFileSync(join(ov, 'people.csv'), 'utf8');
    writeFileSync(join(ov, 'people.csv'), people + 'xx-new,New Person,,,IRN,head of government,President,2025-09-01,,,test\n');
    const line = people.trimEnd().split('\n').length + 1;
    assert.throws(
      () => buildKb(join(kbData!, '..'), out, { overlayDir: ov }),
      (err: unknown) =>
        isParleyError(err) &&
        err.code === 'PARLEY_KB_BAD_OVERLAY' &&
        err.message.includes(`people.csv:${line}: overlapping IRN head of government`),
    );
    assert.throws(() => readdirSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('buildKb reports missing sources', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-kb-none-'));
  try {
    assert.throws(() => buildKb(dir, join(dir, 'out'), { overlayDir }), (err: unknown) => isParleyError(err) && err.code === 'PARLEY_KB_SOURCE_MISSING');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('buildNameIndex marks shared names, shared surnames and common words', () => {
  const person = (id: string, name: string, surname: string) => ({
    id,
    name,
    aliases: [name],
    surnames: [surname],
    qid: null,
    roles: [{ country: 'AAA', role: 'head of state', title: null, sector: 'GOV', from: '2000-01-01', to: null, source: 'overlay' }],
  });
  const country = (code: string, demonym: string) => ({
    code, name: code, official: null, names: [code], demonyms: [demonym], prefixes: [], capitals: [], seats: [], buildings: [],
    independent: true, unMember: true, parent: null, offices: {}, cow: null, gec: null,
  });
  const idx = buildNameIndex(
    {
      countries: [country('AAA', 'Shared'), country('BBB', 'Shared')],
      orgs: [],
      groups: [],
      people: [person('p1', 'Ann Smith', 'Smith'), person('p2', 'Bob Smith', 'Smith'), person('p3', 'Cy Rare', 'Rare')],
      sectors: [],
      roleNouns: [],
    },
    [],
    new Set(['smith']),
  );
  assert.ok(idx['shared'].every((r) => r[8]?.includes('shared')));
  assert.ok(idx['smith'].every((r) => r[8]?.includes('shared-surname') && r[8]?.includes('common-word') && r[7] === 'upper'));
  assert.equal(idx['rare'][0][8], null);
});
