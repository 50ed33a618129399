// Tests of the `actors` stage: registration, layers, the document date for dated roles, and the
// text listing for `parley actors`. Texts are written for these tests; the KB is the committed one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actorsDoc, kb, mention } from '../../fixtures/actors/actors-doc.js';
import { actorsStage, documentDate, formatMentions, recogniseDoc } from '../../../src/actors/index.js';
import { withoutOverlaps } from '../../../src/actors/stage.js';
import { buildPipeline, getStage } from '../../../src/pipeline.js';
import type { Context } from '../../../src/pipeline.js';
import { docFromText } from '../../helpers/doc-builder.js';

test('stage actors is registered on import, reads sentences and tokens and writes mentions', () => {
  const def = getStage('actors');
  assert.equal(def, actorsStage);
  assert.deepEqual(def?.reads, ['sentences', 'tokens']);
  assert.deepEqual(def?.writes, ['mentions']);
});

test('stage actors loads the KB into the context once when it is absent', () => {
  const ctx: Context = { config: { date: '2022-07-30' } };
  buildPipeline(['segment', 'actors'], ctx, ['blocks', 'text']);
  assert.ok(ctx.kb);
  const loaded = ctx.kb;
  buildPipeline(['segment', 'actors'], ctx, ['blocks', 'text']);
  assert.equal(ctx.kb, loaded);
});

test('stage actors resolves "the Iranian president" on the document date (Mokhber in June 2024, Pezeshkian in September)', () => {
  const text = 'The Iranian president addressed parliament.';
  assert.equal(mention(actorsDoc(text, '2024-06-01'), 'The Iranian president')?.actor, 'irn-mohammad-mokhber');
  assert.equal(mention(actorsDoc(text, '2024-09-01'), 'The Iranian president')?.actor, 'irn-masoud-pezeshkian');
});

test('stage actors gives "President Duda" his office before 2025-08-06 and "the Polish president" Nawrocki after', () => {
  const text = 'President Duda spoke first. Then the Polish president spoke.';
  const before = actorsDoc(text, '2025-07-01');
  assert.deepEqual([mention(before, 'President Duda')?.actor, mention(before, 'President Duda')?.role], ['pol-andrzej-duda', 'head of state']);
  assert.equal(mention(before, 'the Polish president')?.actor, 'pol-andrzej-duda');
  const after = actorsDoc(text, '2025-09-01');
  assert.equal(mention(after, 'President Duda')?.actor, 'pol-andrzej-duda');
  assert.equal(mention(after, 'President Duda')?.role, null);
  assert.equal(mention(after, 'President Duda')?.country, 'POL');
  assert.equal(mention(after, 'the Polish president')?.actor, 'pol-karol-nawrocki');
});

test('stage actors resolves "President Biden" and "the U.S. president" differently in 2024 and 2025', () => {
  const text = 'President Biden spoke. Later the U.S. president signed the bill.';
  const y2024 = actorsDoc(text, '2024-06-01');
  assert.equal(mention(y2024, 'President Biden')?.role, 'head of state');
  assert.equal(mention(y2024, 'the U.S. president')?.actor, 'usa-joe-biden');
  const y2025 = actorsDoc(text, '2025-06-01');
  assert.equal(mention(y2025, 'President Biden')?.actor, 'usa-joe-biden');
  assert.equal(mention(y2025, 'President Biden')?.sector, 'ELI');
  assert.equal(mention(y2025, 'the U.S. president')?.actor, 'usa-donald-trump');
});

test('stage actors takes the calendar day of a full publication datetime', () => {
  const doc = actorsDoc('The Iranian president spoke.', '2024-09-01T23:30:00Z');
  assert.equal(mention(doc, 'The Iranian president')?.actor, 'irn-masoud-pezeshkian');
});

test('documentDate prefers the publication date, then config.date, then config.published, then today', () => {
  const withPub = docFromText('x', { published: '2024-06-01T10:00:00+02:00' });
  assert.deepEqual(documentDate(withPub, { config: { date: '2020-01-01' } }), { date: '2024-06-01', from: 'published' });
  const bare = docFromText('x');
  assert.deepEqual(documentDate(bare, { config: { date: '2020-01-01', published: '2019-01-01' } }), { date: '2020-01-01', from: 'config.date' });
  assert.deepEqual(documentDate(bare, { config: { published: '2019-01-01' } }), { date: '2019-01-01', from: 'config.published' });
  assert.equal(documentDate(bare, { config: {} }).from, 'today');
});

test('stage actors uses config.date when the document has no date, and warns when there is none', () => {
  const dated = actorsDoc('The Iranian president spoke.', undefined, { date: '2024-06-01' });
  assert.equal(mention(dated, 'The Iranian president')?.actor, 'irn-mohammad-mokhber');
  assert.ok(!dated.diagnostics.some((d) => d.ruleId === 'actors:no-date'));
  const undated = actorsDoc('Poland protested.', undefined, {});
  const w = undated.diagnostics.find((d) => d.ruleId === 'actors:no-date');
  assert.equal(w?.severity, 'warning');
  assert.equal(w?.source, 'actors');
});

test('recogniseDoc numbers mentions in text order and keeps antecedents pointing at them', () => {
  const doc = actorsDoc('Andrzej Duda arrived. Duda met Chile\u2019s envoy. He smiled.', '2022-07-30');
  const { mentions } = recogniseDoc(doc, kb, '2022-07-30');
  mentions.forEach((m, i) => assert.equal(m.id, i));
  for (let i = 1; i < mentions.length; i++) assert.ok(mentions[i].start >= mentions[i - 1].start);
  for (const m of mentions) if (m.antecedent !== undefined) assert.ok(mentions[m.antecedent].start < m.start);
  assert.ok(mentions.some((m) => m.antecedent !== undefined));
});

test('formatMentions lists one line per mention with line number, actor, country, sector, role and how', () => {
  const doc = actorsDoc('Chile protested.\nPolish President Andrzej Duda replied. He was calm.', '2022-07-30');
  const lines = formatMentions(doc).trimEnd().split('\n');
  assert.equal(lines.length, doc.layers.mentions.length);
  assert.match(lines[0], /^  line 0    #0 "Chile" → CHL CHL - \(name\)$/);
  assert.match(lines[1], /^  line 1    #1 "Polish President Andrzej Duda" → pol-andrzej-duda POL GOV head of state "Andrzej Duda" \(title\+name\)$/);
  assert.match(lines[2], /^  line 1    #2 "He" → pol-andrzej-duda .*\(coref:pronoun ← #1\)$/);
});

test('stage actors never makes a mention inside a longer one ("da Silva" stays in the full name)', () => {
  const doc = actorsDoc('Brazilian President Luiz Inacio Lula da Silva met the Portuguese prime minister in Lisbon.', '2024-05-10');
  const full = mention(doc, 'Brazilian President Luiz Inacio Lula da Silva');
  assert.equal(full?.actor, 'bra-luiz-inacio-lula-da-silva');
  for (const a of doc.layers.mentions) {
    for (const b of doc.layers.mentions) if (a !== b) assert.ok(a.end <= b.start || b.end <= a.start, `${a.text} overlaps ${b.text}`);
  }
  assert.ok(!doc.layers.mentions.some((m) => m.country === 'CPV'));
});

test('stage actors drops the shorter of two overlapping mentions and says why', () => {
  const base = { actor: 'X', country: 'BRA', sector: null, role: null, person: null, sentence: 0, resolvedBy: 'name' };
  const diagnostics: import('../../../src/doc.js').Diagnostic[] = [];
  const kept = withoutOverlaps(
    [
      { ...base, id: 0, start: 0, end: 20, text: 'Luiz Inacio da Silva' },
      { ...base, id: 1, start: 15, end: 20, text: 'Silva', country: 'CPV' },
      { ...base, id: 2, start: 25, end: 30, text: 'Chile', country: 'CHL' },
    ],
    diagnostics,
  );
  assert.deepEqual(kept.map((m) => m.id), [0, 2]);
  assert.equal(diagnostics[0]?.ruleId, 'actors:skip-overlap');
});

test('stage actors reads a bare surname as the one top office holder of any date when the document date is unknown', () => {
  const text = 'Musharraf met the Indian prime minister in New Delhi.';
  // dated today, Musharraf holds no office: the name stays unresolved
  const dated = recogniseDoc(segmented(text), kb, '2026-11-29', true).mentions;
  assert.equal(dated.find((m) => m.text === 'Musharraf'), undefined);
  // undated: the one person who held a top office under that name, acting for his country, with no dated office
  const undated = recogniseDoc(segmented(text), kb, '2026-11-29', false).mentions;
  const m = undated.find((x) => x.text === 'Musharraf');
  assert.equal(m?.actor, 'pak-pervez-musharraf');
  assert.equal(m?.country, 'PAK');
  assert.equal(m?.role, null);
  // and a role description names no office holder of today
  assert.equal(undated.find((x) => x.text === 'the Indian prime minister')?.person, null);
  assert.equal(undated.find((x) => x.text === 'the Indian prime minister')?.country, 'IND');
});

function segmented(text: string) {
  const doc = docFromText(text);
  buildPipeline(['segment'], { config: {} }, ['blocks', 'text']).run(doc);
  return doc;
}
