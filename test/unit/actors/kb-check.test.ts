// Tests of the knowledge-base check report on the committed data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadKb } from '../../../src/actors/kb.js';
import { checkKb, formatKbCheck } from '../../../src/actors/kb-check.js';

const kb = loadKb();

test('checkKb lists the latest date each source covers', () => {
  const r = checkKb(kb, { today: '2026-01-15' });
  const fb = r.sources.find((s) => s.id === 'factbook');
  assert.equal(fb?.coverageEnd, '2026-01-22');
  assert.equal(fb?.latest, '2026-01-22');
});

test('checkKb finds no overlapping holders and no future roles in the shipped data', () => {
  const r = checkKb(kb, { today: '2026-01-15' });
  assert.deepEqual(r.overlaps, []);
  assert.deepEqual(r.futureRoles, []);
});

test('checkKb reports roles that start after today', () => {
  const r = checkKb(kb, { today: '2025-01-01' });
  assert.ok(r.futureRoles.some((f) => f.country === 'POL' && f.role === 'head of state' && f.from === '2025-08-06'));
});

test('checkKb reports UN members without a known holder and stale offices', () => {
  const r = checkKb(kb, { today: '2026-01-15' });
  assert.ok(!r.missingHolders.some((m) => m.country === 'POL' || m.country === 'USA' || m.country === 'IRN'));
  const later = checkKb(kb, { today: '2040-01-01', staleDays: 365 });
  assert.ok(later.staleOffices.length > r.staleOffices.length);
});

test('checkKb counts ambiguous names by reason with examples', () => {
  const r = checkKb(kb, { today: '2026-01-15' });
  const reasons = r.ambiguous.map((a) => a.reason);
  for (const need of ['shared-surname', 'common-word', 'shared', 'person-name', 'place-elsewhere']) assert.ok(reasons.includes(need), need);
  assert.ok(r.ambiguous.every((a) => a.count > 0 && a.examples.length > 0));
});

test('formatKbCheck prints every section', () => {
  const text = formatKbCheck(checkKb(kb, { today: '2026-01-15' }));
  for (const title of ['sources', 'UN members without a known holder today', 'overlapping holders: 0', 'roles starting in the future: 0', 'codes used but not defined', 'ambiguous names']) {
    assert.ok(text.includes(title), title);
  }
});
