import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Doc } from '../../../src/doc.js';
import { emptyLayers, lineBlocks } from '../../../src/doc.js';
import { buildPipeline, getStage } from '../../../src/pipeline.js';
import '../../../src/dates/index.js';
import { eventDate } from '../../../src/dates/index.js';

/** A Doc with line blocks and sentences split after '.', '!' or '?' (enough for these texts). */
function handDoc(text: string, published?: string): Doc {
  const doc: Doc = { id: 't', hash: '', text, meta: published ? { published } : {}, layers: emptyLayers(), diagnostics: [] };
  doc.layers.blocks = lineBlocks(text);
  for (const b of doc.layers.blocks) {
    const re = /[^.!?]+(?:[.!?]+|$)/g;
    const slice = text.slice(b.start, b.end);
    for (const m of slice.matchAll(re)) {
      const lead = m[0].length - m[0].trimStart().length;
      const start = b.start + m.index! + lead;
      const end = b.start + m.index! + m[0].trimEnd().length;
      if (end > start) {
        const id = doc.layers.sentences.length;
        doc.layers.sentences.push({ id, block: b.id, start, end, tokenStart: 0, tokenEnd: 0 });
      }
    }
  }
  return doc;
}

function runTimes(doc: Doc, published?: string): Doc {
  return buildPipeline(['times'], { config: published ? { published } : {} }, ['text', 'blocks', 'sentences']).run(doc);
}

test('times stage is registered on import with its reads and writes', () => {
  const def = getStage('times');
  assert.ok(def);
  assert.deepEqual(def.reads, ['sentences']);
  assert.deepEqual(def.writes, ['times']);
});

test('times stage writes times with offsets into doc.text and sentence ids', () => {
  const text = 'Trade talks stalled.\nThe two ministers spoke by phone on Friday. They meet again on 3 June 2023.';
  const doc = runTimes(handDoc(text, '2022-07-30T09:00:00+08:00'));
  const times = doc.layers.times;
  assert.equal(times.length, 2);
  assert.deepEqual(
    times.map((t) => [t.id, doc.text.slice(t.start, t.end), t.text, t.date, t.basis, t.sentence]),
    [
      [0, 'Friday', 'Friday', '2022-07-29', 'relative', 1],
      [1, '3 June 2023', '3 June 2023', '2023-06-03', 'explicit', 2],
    ],
  );
});

test('times stage uses the run config publication date when the doc has none', () => {
  const doc = runTimes(handDoc('Rebels shelled the port yesterday.'), '2021-03-10');
  assert.equal(doc.layers.times[0]?.date, '2021-03-09');
});

test('times stage resolves nothing relative without any publication date and says why', () => {
  const doc = runTimes(handDoc('Rebels shelled the port on Monday.'));
  assert.deepEqual(doc.layers.times, []);
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'times:unresolved' && d.source === 'times'));
});

test('times stage records a dateline date and resolves relative expressions against it', () => {
  // The feed stamps the story two days after its dateline.
  const text = 'LIMA, July 27 (Wirenews) -- Congress voted yesterday to censure the minister.';
  const doc = runTimes(handDoc(text, '2022-07-29'));
  const [dl, rel] = doc.layers.times;
  assert.equal(dl.dateline, true);
  assert.equal(doc.text.slice(dl.start, dl.end), 'July 27');
  assert.equal(dl.date, '2022-07-27');
  assert.equal(rel.text, 'yesterday');
  assert.equal(rel.date, '2022-07-26');
  assert.ok(doc.diagnostics.some((d) => d.ruleId === 'times:dateline'));
});

test('times stage keeps the publication day as reference when the dateline is far from it', () => {
  const text = 'LIMA, Jan 3, 2019 (Wirenews) -- Congress voted yesterday to censure the minister.';
  const doc = runTimes(handDoc(text, '2022-07-29'));
  assert.equal(doc.layers.times[0].date, '2019-01-03');
  assert.equal(doc.layers.times[1].date, '2022-07-28');
});

test('times stage leaves rejected candidates as info diagnostics', () => {
  const doc = runTimes(handDoc('The Good Friday accord still holds.'), '2022-07-30');
  assert.deepEqual(doc.layers.times, []);
  const d = doc.diagnostics.find((x) => x.ruleId === 'times:rejected');
  assert.ok(d);
  assert.equal(d.severity, 'info');
  assert.equal(doc.text.slice(d.start!, d.end!), 'Friday');
});

test('times stage output feeds eventDate, with granularity for coarse periods', () => {
  const doc = runTimes(handDoc('Fighting flared earlier this month. Envoys met on Friday.', '2022-07-30'));
  assert.deepEqual(eventDate(doc, 0), { date: '2022-07-01', basis: 'relative', time: 0, granularity: 'month' });
  assert.deepEqual(eventDate(doc, 1), { date: '2022-07-29', basis: 'relative', time: 1 });
});
