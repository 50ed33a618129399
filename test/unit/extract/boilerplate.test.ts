import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectBlocks } from '../../../src/extract/blocks.js';
import { classWords, isProse, markBoilerplate, wordCount } from '../../../src/extract/boilerplate.js';
import { parseDocument } from '../../../src/extract/dom.js';

const LONG = 'Delegates from both parties spent the afternoon going through the draft clause by clause before agreeing on a final text.';
const BODY = Array.from({ length: 8 }, (_, i) => `<p>${LONG} (${i + 1})</p>`).join('');

/** Mark the blocks of an article container written for the test; returns [text, dropped] pairs. */
function mark(inner: string) {
  const root = parseDocument(`<div id="root">${inner}</div>`).querySelector('#root') as Element;
  return markBoilerplate(collectBlocks(root), root).map((b) => [b.text, b.dropped ?? null]);
}

test('markBoilerplate drops blocks inside figures, navigation and the article header', () => {
  const r = mark(`<header><h1>Talks end</h1><p>By A. Writer</p></header><nav><ul><li><a href="/">Home</a></li></ul></nav>` +
    `<figure><img src="x.jpg"><p>Photo: Agency</p></figure>${BODY}`);
  assert.deepEqual(r.slice(0, 4), [
    ['Talks end', 'headline'],
    ['By A. Writer', 'headline'],
    ['Home', 'navigation'],
    ['Photo: Agency', 'caption'],
  ]);
  assert.ok(r.slice(4).every(([, d]) => d === null));
});

test('markBoilerplate reads class and id words of small containers', () => {
  const r = mark(`<div class="articleByline">By A. Writer</div><div class="share-bar">Share Tweet Email</div>` +
    `<div id="newsletter-signup"><p>Get our daily briefing.</p></div>${BODY}<div class="related-links"><p>More from the region</p></div>`);
  assert.deepEqual(r.filter(([, d]) => d !== null), [
    ['By A. Writer', 'byline'],
    ['Share Tweet Email', 'widget'],
    ['Get our daily briefing.', 'promo'],
    ['More from the region', 'promo'],
  ]);
});

test('markBoilerplate never judges a container by name when it holds much of the text or several paragraphs', () => {
  // The whole story sits in a container whose class happens to contain "share".
  assert.ok(mark(`<div class="body-share-wrapper">${BODY}</div>`).every(([, d]) => d === null));
  // A small container with two prose paragraphs is prose, whatever its name.
  const r = mark(`${BODY}<div class="author-note"><p>${LONG}</p><p>${LONG}</p></div>`);
  assert.ok(r.every(([, d]) => d === null));
});

test('markBoilerplate drops a short label followed by a link', () => {
  const r = mark(`${BODY}<p>Read more: <a href="/x">Ministers meet again next month in the capital</a></p><p>Note: the figures are provisional and may change.</p>`);
  assert.deepEqual(r.slice(-2), [
    ['Read more: Ministers meet again next month in the capital', 'promo'],
    ['Note: the figures are provisional and may change.', null],
  ]);
});

test('markBoilerplate never drops every block', () => {
  const r = mark('<figure><figcaption>Only a caption here.</figcaption></figure>');
  assert.deepEqual(r, [['Only a caption here.', null]]);
});

test('classWords splits class and id values on punctuation and camelCase', () => {
  const el = parseDocument('<div class="articleByline share_bar" id="main-Nav">x</div>').querySelector('div') as Element;
  assert.deepEqual(classWords(el), ['article', 'byline', 'share', 'bar', 'main', 'nav']);
});

test('wordCount counts CJK text by pairs of characters', () => {
  assert.equal(wordCount('three small words'), 3);
  assert.equal(wordCount('東京都で会議'), 3);
});

test('isProse needs words, a sentence end and few links', () => {
  const blocks = collectBlocks(parseDocument(`<p>${LONG}</p><p>Short line.</p><p><a href="/">${LONG}</a></p>`).body);
  assert.deepEqual(blocks.map(isProse), [true, false, false]);
});
