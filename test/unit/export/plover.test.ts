import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ploverLines, ploverRecord } from '../../../src/export/plover.js';
import { collect, hit, mergedHit } from './hits.js';
import { jsonlLines } from '../../../src/export/jsonl.js';

test('plover records carry the manual fields: id, date, actor, recipient, event, mode, text', () => {
  const r = ploverRecord(hit({ plover: { event: 'SUPPORT', mode: 'praise' }, source: { code: 'NOR', name: 'the minister', sector: 'GOV', person: 'Ola Nordmann' } }));
  assert.deepEqual(r, {
    id: 'doc-1:e0',
    has_event: true,
    date: '2031-03-04',
    actor: [{ code: 'NOR', sector: 'GOV', entity_text: 'the minister', identifier_text: 'Ola Nordmann' }],
    recipient: [{ code: 'CHL', sector: null, entity_text: 'Chile' }],
    event: ['SUPPORT'],
    mode: ['praise'],
    quad_code: 1,
    event_scale: 3.4,
    event_text: ['Norway praised Chile, "warmly", for the new fishing accord.'],
    text_info: { start: 20, end: 79 },
    cite_info: { corpus: 'parley', citation: 'doc-1', url: 'https://news.example/doc-1', title: 'Norway, Chile sign accord' },
    coder: 'parley',
  });
});

test('plover leaves out events whose CAMEO code has no PLOVER type, and has no recipient for a missing target', async () => {
  assert.equal(ploverRecord(hit({ plover: { event: null, mode: null }, cameo: { code: '020', root: '02', label: 'Appeal' } })), undefined);
  const alone = ploverRecord(hit({ target: { code: null, name: null, sector: null, person: null } }));
  assert.deepEqual(alone?.recipient, []);
  const out = await collect(ploverLines([hit(), hit({ id: 'x', plover: { event: null, mode: null } }), hit({ id: 'y' })]));
  assert.deepEqual(out.trim().split('\n').map((l) => JSON.parse(l).id), ['doc-1:e0', 'y']);
});

test('plover and jsonl write merged events: the merged id, the representative evidence, the merged fields', async () => {
  const p = ploverRecord(mergedHit());
  assert.equal(p?.id, 'm-0123456789abcdef');
  assert.deepEqual(p?.event_text, [hit().event.evidence[0].sentence]);
  assert.equal(p?.cite_info.url, 'https://news.example/doc-1');
  const line = JSON.parse(await collect(jsonlLines([mergedHit()])));
  assert.deepEqual([line.id, line.numMentions, line.numSources, line.numArticles, line.eventIds.length], ['m-0123456789abcdef', 5, 2, 3, 3]);
});
