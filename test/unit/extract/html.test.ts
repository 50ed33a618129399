import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlFixture } from './fixtures.js';
import { extractHtml } from '../../../src/extract/html.js';

const fixture = htmlFixture;
const kept = (r: ReturnType<typeof extractHtml>) => r.blocks.filter((b) => !b.dropped);

test('extractHtml builds the article block by block with kinds', () => {
  const r = extractHtml(fixture('article-basic.html'), { url: 'https://ledger.example/world/harbour' });
  assert.equal(r.method, 'readability');
  const kinds = kept(r).map((b) => b.kind);
  assert.deepEqual(kinds, ['p', 'p', 'h', 'p', 'li', 'li', 'quote', 'p']);
  assert.match(kept(r)[0].text, /^The governments of Eastland and Westmark signed an accord/);
  assert.equal(kept(r)[2].text, 'What the accord says');
  // Whitespace inside the source paragraph (line breaks, indentation) is normalised.
  assert.ok(r.blocks.every((b) => !/\s{2}|\n/.test(b.text) && b.text === b.text.trim() && b.text.length > 0));
});

test('extractHtml keeps a figure caption as a dropped caption block', () => {
  const r = extractHtml(fixture('article-basic.html'));
  const caption = r.blocks.find((b) => b.kind === 'caption');
  assert.equal(caption?.text, 'Ministers walk along the quay before the signing.');
  assert.equal(caption?.dropped, 'caption');
});

test('extractHtml leaves out navigation, share tools, related stories and the footer', () => {
  const text = kept(extractHtml(fixture('article-basic.html'))).map((b) => b.text).join('\n');
  for (const junk of ['Home', 'Share on social media', 'Fishing dispute flares again', 'All rights reserved']) {
    assert.ok(!text.includes(junk), junk);
  }
});

test('extractHtml reads the page metadata', () => {
  const r = extractHtml(fixture('article-basic.html'), { url: 'https://ledger.example/x' });
  assert.equal(r.title, 'Harbour accord signed after long talks');
  assert.equal(r.byline, 'Mara Quill');
  assert.equal(r.lang, 'en-GB');
  assert.equal(r.siteName, 'The Northern Ledger');
  assert.equal(r.canonicalUrl, 'https://ledger.example/world/2021/03/04/harbour-accord');
  assert.equal(r.published, '2021-03-04');
  assert.equal(r.publishedFrom, 'json-ld');
});

test('extractHtml splits <br><br>-separated text into paragraphs', () => {
  const r = extractHtml(fixture('br-separated.html'));
  const texts = kept(r).map((b) => b.text);
  assert.equal(texts.length, 4);
  assert.match(texts[0], /^River levels along the lower valley fell overnight/);
  assert.match(texts[3], /^The board will publish a full report/);
});

test('extractHtml falls back to the densest paragraph container when Readability finds too little', () => {
  const r = extractHtml(fixture('little-text.html'));
  assert.equal(r.method, 'fallback:densest');
  const texts = kept(r).map((b) => b.text);
  assert.equal(texts.length, 4);
  assert.match(texts[0], /^The city council approved next year's budget/);
  assert.ok(!texts.some((t) => t.includes('cookies')));
});

test('extractHtml does not throw on broken markup, empty input or plain text', () => {
  const broken = extractHtml(fixture('broken.html'));
  assert.ok(broken.blocks.some((b) => b.text.startsWith('First paragraph')));
  assert.deepEqual(extractHtml('').blocks, []);
  assert.equal(extractHtml('').method, 'none');
  assert.deepEqual(extractHtml('Only a line of text.').blocks.map((b) => b.text), ['Only a line of text.']);
  assert.doesNotThrow(() => extractHtml('<html><body><div><p>unclosed <b>bold <table><tr><td>x'));
  assert.doesNotThrow(() => extractHtml('\u0000\u0001<<<>>>&&&;;;'));
});

test('extractHtml can keep every block when boilerplate marking is off', () => {
  const r = extractHtml(fixture('article-basic.html'), { boilerplate: false });
  assert.ok(r.blocks.every((b) => b.dropped === undefined));
  assert.ok(r.blocks.some((b) => b.kind === 'caption'));
});

test('extractHtml reads a dateline from the text when the markup has no date', () => {
  const html = `<html><body><article>
    <p>Published 14 May 2019</p>
    <p>The two delegations met on the border bridge for the first time in four years and agreed to reopen the crossing to trucks carrying food and medicine.</p>
    <p>Officials on both sides said the talks would continue next week, and that a wider agreement on trade could follow before the end of the year.</p>
    <p>Traders in the border towns welcomed the news, saying the closure had cost them most of their income since the crossing was shut.</p>
  </article></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.published, '2019-05-14');
  assert.equal(r.publishedFrom, 'text');
});

test('extractHtml handles markup nested thousands deep without Readability', () => {
  const deep = `<html><body>${'<div>'.repeat(5000)}<p>A paragraph deep inside a page whose markup never closes its containers.</p></body></html>`;
  const r = extractHtml(deep);
  assert.notEqual(r.method, 'readability');
  assert.ok(r.blocks.some((b) => b.text.startsWith('A paragraph deep inside')));
});

test('extractHtml never throws on truncated and scrambled copies of a page', () => {
  const page = fixture('article-basic.html');
  const noise = ['<div>', '</div>', '<p>', '</table>', '<td>', '<script>', '</script>', '<!--', '-->', '<br>', '&#x', '<a href="', '">', '<time datetime="2020-13-45">', '<svg><g>', '</body>', '<html>', '\u0000'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let run = 0; run < 40; run++) {
    let html = page.slice(0, Math.floor(rnd() * page.length));
    for (let j = 0; j < 20; j++) {
      const at = Math.floor(rnd() * html.length);
      html = html.slice(0, at) + noise[Math.floor(rnd() * noise.length)] + html.slice(at);
    }
    assert.doesNotThrow(() => extractHtml(html, { url: 'https://ledger.example/2021/03/04/x' }), `run ${run}`);
  }
});
