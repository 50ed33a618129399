import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectBlocks } from '../../../src/extract/blocks.js';
import { parseDocument } from '../../../src/extract/dom.js';
import { recoverParagraphs, snapshotPage } from '../../../src/extract/recover.js';

const SENTENCES = [
  'The committee met on Monday morning to review the evidence gathered during the spring.',
  'Members from the coastal districts asked for more time to consult their local councils.',
  'A majority agreed that the harbour tax should fall by a tenth over the next three years.',
  'Two members voted against, arguing that the ferry companies would keep the savings.',
  'The chair said a final report would go to parliament before the summer recess began.',
  'Officials from the treasury declined to say how the lost revenue would be replaced.',
  'Fishing groups welcomed the decision but said the cut came several years too late.',
  'The opposition promised to raise the matter again when the budget is debated in autumn.',
  'Local newspapers had followed the hearings closely since the first session in March.',
  'Observers expect the ministry to publish its own response within a few weeks.',
];
/** A distinct prose paragraph; "number N" lets the tests find it. */
const para = (n: number) => `Paragraph number ${n}: ${SENTENCES[n - 1]}`;

const PAGE = `<div class="story">
  <p>${para(1)}</p><p>${para(2)}</p><p>${para(3)}</p><p>${para(4)}</p><p>${para(5)}</p>
</div><div class="more"><p>${para(6)}</p></div>`;

test('recoverParagraphs puts back a prose paragraph missing between two extracted ones', () => {
  // What an extractor returned: the same story without paragraph 3.
  const extracted = collectBlocks(parseDocument(PAGE).body).filter((b) => !b.text.includes('number 3') && !b.text.includes('number 6'));
  const r = recoverParagraphs(extracted, snapshotPage(parseDocument(PAGE)));
  assert.equal(r.recovered, 1);
  assert.deepEqual(r.blocks.map((b) => b.text.match(/number (\d)/)?.[1]), ['1', '2', '3', '4', '5']);
});

test('recoverParagraphs never adds text before the first or after the last extracted block', () => {
  const extracted = collectBlocks(parseDocument(PAGE).body).filter((b) => /number [2-4]/.test(b.text));
  const r = recoverParagraphs(extracted, snapshotPage(parseDocument(PAGE)));
  assert.equal(r.recovered, 0);
  assert.equal(r.blocks.length, 3);
});

test('recoverParagraphs leaves short lines, link lines and captions out', () => {
  const page = `<div><p>${para(1)}</p><p>${para(2)}</p><p>Advertisement</p><p><a href="/x">${para(9)}</a></p><figure><p>${para(8)}</p></figure><p>${para(3)}</p></div>`;
  const extracted = collectBlocks(parseDocument(page).body).filter((b) => /number [123]/.test(b.text));
  const r = recoverParagraphs(extracted, snapshotPage(parseDocument(page)));
  assert.equal(r.recovered, 0);
});

test('recoverParagraphs puts back a paragraph whose wrapper has the same tag and class as its neighbours', () => {
  const card = (n: number) => `<div class="card"><div class="card-text"><p>${para(n)}</p></div></div>`;
  const page = `<section>${[1, 2, 3, 4].map(card).join('')}</section>`;
  const extracted = collectBlocks(parseDocument(page).body).filter((b) => !b.text.includes('number 3'));
  const r = recoverParagraphs(extracted, snapshotPage(parseDocument(page)));
  assert.equal(r.recovered, 1);
  assert.equal(r.blocks[2].text, para(3));
});

test('recoverParagraphs does not put back a variant of a paragraph already extracted', () => {
  const page = `<div><p>${para(1)}</p><p>${para(2)}</p><p>Variant: ${para(2)}</p><p>${para(4)}</p></div>`;
  const extracted = collectBlocks(parseDocument(page).body).filter((b) => !b.text.startsWith('Variant'));
  assert.equal(recoverParagraphs(extracted, snapshotPage(parseDocument(page))).recovered, 0);
});
