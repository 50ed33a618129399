/** Word-keyed lookup tables answer only their own keys, never Object.prototype's. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { table } from '../../src/table.js';
import { actorsDoc } from '../fixtures/actors/actors-doc.js';
import { nameInfo } from '../../src/ingest/sniff.js';
import { inflect } from '../../src/code/inflect.js';

test('table() has only the listed keys: constructor, toString and __proto__ are not in it', () => {
  const t = table({ former: 'former', deputy: 'other' });
  assert.equal(t.former, 'former');
  for (const k of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
    assert.equal(t[k], undefined, k);
    assert.equal(k in t, false, k);
  }
  assert.deepEqual(Object.keys(t), ['former', 'deputy']);
  assert.throws(() => {
    (t as Record<string, string>).former = 'x';
  });
});

test('words that name Object.prototype members are ordinary words in the text', () => {
  const doc = actorsDoc('His constructor met Kenyan President William Ruto. The former constructor told the two valueOf that Kenya would pay.', '2024-01-10');
  for (const m of doc.layers.mentions) {
    for (const v of [m.actor, m.country, m.sector, m.role, m.person]) assert.notEqual(typeof v, 'function', `${m.text}: ${String(v)}`);
  }
  assert.ok(doc.layers.mentions.some((m) => m.person === 'William Ruto' || m.actor?.includes('ruto')));
  assert.equal(nameInfo('notes.constructor').kind, undefined, 'not a known file type');
  for (const form of inflect('constructor').keys()) assert.equal(typeof form, 'string', 'an irregular past only for verbs that have one');
});
