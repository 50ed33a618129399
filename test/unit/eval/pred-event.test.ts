import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Event } from '../../../src/doc.js';
import { toPredEvent } from '../../../src/eval/pred-event.js';

function event(over: Partial<Event> = {}): Event {
  return {
    id: 'e1',
    docId: 'd',
    date: '2022-07-29',
    dateBasis: 'relative',
    source: { code: 'CHN', name: 'Xi', sector: 'GOV', person: 'Xi' },
    target: { code: 'IRN', name: null, sector: null, person: null },
    cameo: { code: '041', root: '04', label: 'Discuss by telephone' },
    quad: 1,
    goldstein: 1,
    plover: { event: 'CONSULT', mode: 'phone' },
    confidence: 0.9,
    evidence: [{ sentence: 'The two leaders spoke by phone.', start: 30, end: 61, trigger: { start: 45, end: 50 } }],
    ...over,
  };
}

test('toPredEvent takes actor codes, root, code, date and the evidence sentence', () => {
  assert.deepEqual(toPredEvent(event()), {
    source: 'CHN',
    target: 'IRN',
    root: '04',
    code: '041',
    date: '2022-07-29',
    sentence: 'The two leaders spoke by phone.',
  });
});

test('toPredEvent counts the 0-based line of the evidence in the document text', () => {
  const text = 'Headline here\nA caption line\n' + 'x'.repeat(40);
  assert.equal(toPredEvent(event(), text).line, 2);
  assert.equal(toPredEvent(event({ evidence: [{ sentence: 's', start: 3, end: 5, trigger: { start: 3, end: 5 } }] }), text).line, 0);
});

test('toPredEvent keeps a missing target as null', () => {
  const p = toPredEvent(event({ target: { code: null, name: null, sector: null, person: null }, evidence: [] }));
  assert.equal(p.target, null);
  assert.equal(p.sentence, undefined);
});
