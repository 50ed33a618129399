import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeClean } from '../../../src/clean/stage.js';
import { cleanText } from '../../../src/doc.js';
import { LOOKALIKES, WIRE_STORY } from '../../fixtures/clean/articles.js';
import { drops, textDoc } from '../../fixtures/clean/build.js';

test('clean drops exactly the boilerplate lines of a wire story', () => {
  const doc = textDoc(WIRE_STORY.text, { title: WIRE_STORY.title });
  makeClean()(doc);
  assert.deepEqual([...drops(doc)].sort((a, b) => a[0] - b[0]), [...WIRE_STORY.drops].sort((a, b) => a[0] - b[0]));
});

test('clean keeps a short question asked twice', () => {
  const doc = textDoc(WIRE_STORY.text, { title: WIRE_STORY.title });
  makeClean()(doc);
  const kept = cleanText(doc).split('\n');
  assert.equal(kept.filter((l) => l.startsWith('Q: What comes next')).length, 2);
});

test('clean records one info diagnostic per dropped block with its offsets and rule', () => {
  const doc = textDoc(WIRE_STORY.text, { title: WIRE_STORY.title });
  makeClean()(doc);
  const dropped = doc.layers.blocks.filter((b) => b.dropped !== undefined);
  assert.equal(doc.diagnostics.length, dropped.length);
  for (const b of dropped) {
    const d = doc.diagnostics.find((x) => x.start === b.start && x.end === b.end);
    assert.ok(d, `no diagnostic for line ${b.line}`);
    assert.equal(d.severity, 'info');
    assert.equal(d.source, 'clean');
    const reason = b.dropped!.startsWith('duplicate-of:') ? 'duplicate-of' : b.dropped;
    assert.equal(d.ruleId, `clean:${reason}`);
    assert.match(d.reason, /rule |near-duplicate of line \d+/);
  }
});

test('clean uses line numbers, not block indexes, in duplicate-of', () => {
  const para = 'The council voted on Thursday to extend the curfew in the eastern districts for another month, citing continued unrest.';
  const doc = textDoc(`Intro line that stays here.\n\n\n${para}\n\nA different paragraph about the harvest.\n\n${para.replace('council', 'city council')}`);
  makeClean()(doc);
  assert.equal(doc.layers.blocks[3].dropped, 'duplicate-of:3');
});

test('clean works on HTML-derived blocks: headline, figure caption and related links', () => {
  const lines = [
    'Talks resume in Geneva',
    'Negotiators from both delegations returned to Geneva on Monday after a two-week pause in the ceasefire talks.',
    'Delegates arrive at the conference hall.',
    'The mediator said a first agreement on prisoner exchanges could come within days.',
    'Related stories',
    'Ceasefire holds for a third day in the south',
    'Envoy warns of a hard winter for displaced families',
    'The talks are expected to last until Friday.',
  ];
  const doc = textDoc(lines.join('\n'), { title: 'Talks resume in Geneva | Harbour Wire' }, { 0: 'h', 1: 'p', 2: 'caption', 3: 'p', 4: 'h', 5: 'li', 6: 'li', 7: 'p' });
  makeClean()(doc);
  assert.deepEqual(
    [...drops(doc)],
    [
      [0, 'headline'],
      [2, 'caption'],
      [4, 'promo'],
      [5, 'promo'],
      [6, 'promo'],
    ],
  );
});

test('clean keeps news sentences that look like boilerplate', () => {
  const doc = textDoc(LOOKALIKES.join('\n'));
  makeClean()(doc);
  assert.deepEqual([...drops(doc)], []);
  assert.equal(doc.diagnostics.length, 0);
});

test('clean leaves blocks dropped by an earlier stage alone', () => {
  const doc = textDoc('Advertisement\nThe talks ended without a deal on Sunday.');
  doc.layers.blocks[1].dropped = 'navigation';
  makeClean()(doc);
  assert.equal(doc.layers.blocks[0].dropped, 'widget');
  assert.equal(doc.layers.blocks[1].dropped, 'navigation');
  assert.equal(doc.diagnostics.length, 1);
});

test('clean can turn rules off by name and rejects unknown names', () => {
  const doc = textDoc(WIRE_STORY.text, { title: WIRE_STORY.title });
  makeClean({ disable: ['duplicate-of', 'caption'] })(doc);
  const reasons = new Set(drops(doc).values());
  assert.equal(reasons.has('caption'), false);
  assert.equal([...reasons].some((r) => r.startsWith('duplicate-of')), false);
  assert.equal(reasons.has('promo'), true);
  assert.throws(() => makeClean({ disable: ['captions'] }), /unknown rule 'captions'/);
  assert.throws(() => makeClean({ duplicates: { jaccard: 1.5 } }), /duplicates\.jaccard/);
});
