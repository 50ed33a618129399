import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildPipeline, getStage } from '../../../src/pipeline.js';
import type { Context } from '../../../src/pipeline.js';
import '../../../src/code/index.js';
import { eventId } from '../../../src/code/stage.js';
import { actorDoc } from './mini-actors.js';

function run(text: string, published?: string, extra: Record<string, string> = {}, ctx: Context = { config: {} }) {
  const doc = actorDoc(text, published, extra);
  buildPipeline(['code'], ctx, ['text', 'blocks', 'sentences', 'tokens', 'mentions', 'times']).run(doc);
  return doc;
}

test('code stage is registered with what it reads and writes', () => {
  const def = getStage('code')!;
  assert.deepEqual(def.reads, ['sentences', 'tokens', 'mentions']);
  assert.deepEqual(def.writes, ['events']);
});

test('code stage loads the CAMEO table and the lexicon into the context once', () => {
  const ctx: Context = { config: {} };
  run('Kenya praised Uganda.', undefined, {}, ctx);
  assert.ok(ctx.cameo && ctx.lexicon);
  assert.equal(ctx.cameo.get('051')!.root, '05');
});

test('code stage writes complete event records', () => {
  const doc = run('Kenya praised Uganda on Friday.', '2022-07-30');
  assert.equal(doc.layers.events.length, 1);
  const e = doc.layers.events[0];
  assert.equal(e.id, eventId(doc.id, 'KEN', 'UGA', '051'));
  assert.match(e.id, /^[0-9a-f]{16}$/);
  assert.equal(e.docId, doc.id);
  assert.deepEqual(e.source, { code: 'KEN', name: 'Kenya', sector: null, person: null });
  assert.deepEqual(e.target, { code: 'UGA', name: 'Uganda', sector: null, person: null });
  assert.deepEqual(e.cameo, { code: '051', root: '05', label: 'Praise or endorse' });
  assert.equal(e.quad, 1);
  assert.equal(e.goldstein, 3.4);
  assert.deepEqual(e.plover, { event: 'SUPPORT', mode: null });
  assert.ok(e.confidence > 0 && e.confidence <= 1);
  assert.equal(e.date, '2022-07-29');
  assert.equal(e.dateBasis, 'relative');
  const ev = e.evidence[0];
  assert.equal(ev.sentence, 'Kenya praised Uganda on Friday.');
  assert.equal(doc.text.slice(ev.trigger.start, ev.trigger.end), 'praised');
  assert.equal(doc.text.slice(ev.source!.start, ev.source!.end), 'Kenya');
  assert.equal(doc.text.slice(ev.target!.start, ev.target!.end), 'Uganda');
});

test('code stage dates events from the publication date when the text has none', () => {
  const e = run('Kenya praised Uganda.', '2022-07-30').layers.events[0];
  assert.equal(e.date, '2022-07-30');
  assert.equal(e.dateBasis, 'publication');
  const u = run('Kenya praised Uganda.').layers.events[0];
  assert.equal(u.date, null);
  assert.equal(u.dateBasis, 'unknown');
});

test('code stage keeps one event per source, target and code with every mention as evidence', () => {
  const doc = run('Kenya praised Uganda. Later Kenya praised Uganda again. Kenya also condemned Uganda.');
  const keys = doc.layers.events.map((e) => `${e.source.code}>${e.target.code} ${e.cameo.code}`);
  assert.deepEqual(keys, ['KEN>UGA 051', 'KEN>UGA 111']);
  assert.equal(doc.layers.events[0].evidence.length, 2);
  assert.notEqual(doc.layers.events[0].evidence[0].start, doc.layers.events[0].evidence[1].start);
});

test('code stage leaves one code:pattern diagnostic per event naming the pattern and span', () => {
  const doc = run('Kenya praised Uganda. Kenya praised Uganda again.');
  const d = doc.diagnostics.filter((x) => x.ruleId === 'code:pattern');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, 'info');
  assert.equal(d[0].source, 'code');
  assert.match(d[0].reason, /support\.praise/);
  assert.equal(d[0].actual, 'Kenya praised Uganda');
});

test('code stage records refusals as info diagnostics with positions', () => {
  const doc = run('Kenya did not praise Uganda.');
  assert.equal(doc.layers.events.length, 0);
  const d = doc.diagnostics.find((x) => x.ruleId === 'code:negated')!;
  assert.equal(d.severity, 'info');
  assert.equal(doc.text.slice(d.start, d.end), 'praise');
  assert.match(d.note!, /support\.praise/);
});

test('code stage codes nothing for a document without actors', () => {
  assert.deepEqual(run('The weather was fine and the talks went well.').layers.events, []);
});

test('code stage orders events by their first evidence and direct before reverse', () => {
  const doc = run('Kenya condemned Uganda. Japan met Vietnam.');
  assert.deepEqual(
    doc.layers.events.map((e) => `${e.source.code}>${e.target.code}`),
    ['KEN>UGA', 'JPN>VNM', 'VNM>JPN'],
  );
});

test('code stage minConfidence drops low-confidence events', () => {
  const doc = actorDoc('Kenya Condemns Uganda Raid');
  buildPipeline([{ name: 'code', options: { minConfidence: 0.95 } }], { config: {} }, ['text', 'blocks', 'sentences', 'tokens', 'mentions']).run(doc);
  assert.equal(doc.layers.events.length, 0);
});

test('code stage names event actors canonically: the person, else the state or organisation, not the words', async () => {
  await import('../../../src/nlp/segment.js');
  await import('../../../src/actors/index.js');
  await import('../../../src/dates/index.js');
  const { docFromText } = await import('../../helpers/doc-builder.js');
  const pipeline = buildPipeline(['segment', 'actors', 'times', 'code'], { config: {} }, ['text', 'blocks']);
  const doc = docFromText('Polish President Andrzej Duda met the Kenyan delegation. Duda said his country praised the Kenyans.', { published: '2022-07-30' });
  pipeline.run(doc);
  const praise = doc.layers.events.find((e) => e.cameo.root === '05');
  assert.ok(praise, 'a praise event');
  assert.equal(praise.source.name, 'Poland');
  assert.equal(praise.target.name, 'Kenya');
  const meet = doc.layers.events.find((e) => e.cameo.code === '040' && e.source.code === 'POL');
  assert.equal(meet?.source.name, 'Andrzej Duda');
  assert.equal(meet?.target.name, 'Kenya');
  // the evidence keeps the words of the text
  const ev = praise.evidence[0];
  assert.equal(doc.text.slice(ev.source!.start, ev.source!.end), 'his country');
});

test('code stage gives a family fallback a lower confidence than a specific pattern', () => {
  const specific = run('Kenya sought aid from Uganda.').layers.events[0];
  const fallback = run("Kenya sought Uganda's backing for the bid.").layers.events[0];
  assert.equal(specific.cameo.code, '023');
  assert.equal(fallback.cameo.code, '020');
  assert.ok(fallback.confidence < specific.confidence);
});
