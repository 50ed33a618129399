import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cameoTable, loadCameo } from '../../../src/code/cameo.js';
import { isParleyError } from '../../../src/errors.js';
import { sharedPath } from '../../../src/shared-path.js';
import { buildCameoTable, quadOfRoot } from '../../../scripts/build-cameo.js';
import { dataDir } from '../../../src/code/data-dir.js';

const cameo = loadCameo();

test('cameo table holds every CAMEO code with label, root, quad, Goldstein and PLOVER', () => {
  assert.equal(cameo.codes.length, 311);
  const c = cameo.get('041')!;
  assert.equal(c.label, 'Discuss by telephone');
  assert.equal(c.root, '04');
  assert.equal(c.quad, 1);
  assert.equal(c.goldstein, 1);
  assert.deepEqual(cameo.plover('041'), { event: 'CONSULT', mode: 'phone' });
  assert.equal(cameo.root('0211'), '02');
  assert.equal(cameo.goldstein('195'), -10);
});

test('cameo quad classes follow the GDELT 1-4 scheme by root', () => {
  assert.equal(cameo.quad('057'), 1);
  assert.equal(cameo.quad('073'), 2);
  assert.equal(cameo.quad('112'), 3);
  assert.equal(cameo.quad('173'), 4);
  assert.equal(quadOfRoot('09'), 2);
  assert.equal(quadOfRoot('15'), 4);
});

test('cameo PLOVER mapping drops roots 01 and 02 and applies the documented overrides', () => {
  assert.equal(cameo.plover('010').event, null);
  assert.equal(cameo.plover('0211').event, null);
  assert.deepEqual(cameo.plover('163'), { event: 'SANCTION', mode: 'discontinue' });
  assert.equal(cameo.plover('200').event, 'ASSAULT');
  assert.equal(cameo.plover('080').event, 'CONCEDE');
  assert.equal(cameo.plover('0841').event, 'RETREAT');
});

test('cameo labels of 101 and 105-108 follow the codebook and keep the GDELT label', () => {
  assert.equal(cameo.label('106'), 'Demand meeting, negotiation');
  assert.equal(cameo.get('106')!.labelGdelt, 'Demand withdrawal');
});

test('cameo lookups of unknown codes return undefined or throw', () => {
  assert.equal(cameo.get('999'), undefined);
  assert.equal(cameo.has('999'), false);
  assert.throws(() => cameo.root('999'), /unknown CAMEO code/);
});

test('cameo loadCameo fails with PARLEY_CAMEO_UNREADABLE on a broken file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cameo-'));
  const f = join(dir, 'cameo.json');
  writeFileSync(f, '{"codes": ');
  assert.throws(
    () => loadCameo(f),
    (e: unknown) => isParleyError(e) && e.code === 'PARLEY_CAMEO_UNREADABLE' && e.message.includes(f),
  );
});

test('cameo cameoTable builds a table from parsed JSON', () => {
  const t = cameoTable({ sources: {}, codes: [{ code: '010', label: 'x', root: '01', level: 2, quad: 1, goldstein: 0, plover: { event: null, mode: null, context: null } }] });
  assert.equal(t.label('010'), 'x');
});

test('cameo data/cameo.json is what scripts/build-cameo.ts generates from the shared anchors', { skip: !sharedPath('anchors', 'cameo-plover') }, () => {
  const built = buildCameoTable(join(sharedPath('anchors')!, '..'));
  const shipped = JSON.parse(readFileSync(join(dataDir(), 'cameo.json'), 'utf8'));
  assert.deepEqual(shipped, JSON.parse(JSON.stringify(built)));
});
