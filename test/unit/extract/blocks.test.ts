import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collectBlocks, normaliseSpace, textLengths } from '../../../src/extract/blocks.js';
import { parseDocument } from '../../../src/extract/dom.js';

const blocksOf = (html: string) => collectBlocks(parseDocument(html).body).map((b) => [b.kind, b.text]);

test('collectBlocks makes one block per paragraph with whitespace normalised', () => {
  assert.deepEqual(blocksOf('<div><p>  The  mayor\n  resigned\t on <b>Monday</b>.</p><p>Nobody   objected.</p></div>'), [
    ['p', 'The mayor resigned on Monday.'],
    ['p', 'Nobody objected.'],
  ]);
});

test('collectBlocks gives headings, list items and quotes their own kinds', () => {
  assert.deepEqual(blocksOf('<h2>Background</h2><ul><li>First point</li><li><p>Second point</p></li></ul><blockquote><p>A quoted line.</p></blockquote>'), [
    ['h', 'Background'],
    ['li', 'First point'],
    ['li', 'Second point'],
    ['quote', 'A quoted line.'],
  ]);
});

test('collectBlocks splits text at <br> and never returns empty blocks', () => {
  assert.deepEqual(blocksOf('<div>First line of text.<br><br>Second line.<br> <br><br>Third line.</div><p> </p><div>\n</div>'), [
    ['p', 'First line of text.'],
    ['p', 'Second line.'],
    ['p', 'Third line.'],
  ]);
});

test('collectBlocks keeps inline elements inside one block and separates block elements', () => {
  assert.deepEqual(blocksOf('<div>Lead <a href="#">link</a> text<div>inner block</div>tail text</div>'), [
    ['p', 'Lead link text'],
    ['p', 'inner block'],
    ['p', 'tail text'],
  ]);
});

test('collectBlocks gives one pre block per non-blank line', () => {
  assert.deepEqual(blocksOf('<pre>line one\n\n   line   two\n</pre>'), [
    ['pre', 'line one'],
    ['pre', 'line two'],
  ]);
});

test('collectBlocks turns a data table row into one cell block and walks layout tables', () => {
  assert.deepEqual(blocksOf('<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Greens</td><td>12</td></tr></table>'), [
    ['cell', 'Party | Seats'],
    ['cell', 'Greens | 12'],
  ]);
  assert.deepEqual(blocksOf('<table><tr><td><p>Paragraph in a layout cell.</p><p>Another one.</p></td></tr></table>'), [
    ['p', 'Paragraph in a layout cell.'],
    ['p', 'Another one.'],
  ]);
});

test('collectBlocks skips scripts, styles, forms controls and hidden elements', () => {
  assert.deepEqual(
    blocksOf('<p>Kept.</p><script>var a = 1;</script><style>p{}</style><p hidden>Hidden.</p><p style="display: none">Also hidden.</p><button>Click</button>'),
    [['p', 'Kept.']],
  );
});

test('collectBlocks marks figure captions as caption blocks', () => {
  assert.deepEqual(blocksOf('<figure><img src="a.jpg"><figcaption>Troops at the border.</figcaption></figure>'), [['caption', 'Troops at the border.']]);
});

test('normaliseSpace drops zero-width characters and soft hyphens', () => {
  assert.equal(normaliseSpace(' a\u200bb\u00adc \u00a0 d\n'), 'abc d');
});

test('collectBlocks counts the characters of each block that lie inside links', () => {
  const blocks = collectBlocks(parseDocument('<p>Read <a href="/a">the report</a> now</p><div>Plain <div>Inner <a href="/b">link</a></div></div>').body);
  assert.deepEqual(blocks.map((b) => [b.text, b.linkChars]), [
    ['Read the report now', 'the report'.length],
    ['Plain', 0],
    ['Inner link', 'link'.length],
  ]);
});

test('collectBlocks walks markup nested thousands deep without overflowing the stack', () => {
  const deep = '<div>word '.repeat(20000);
  const blocks = collectBlocks(parseDocument(deep).body);
  assert.equal(blocks.length, 20000);
});

test('textLengths measures text and link text of every element in one pass', () => {
  const d = parseDocument('<div id="a"><p id="b">One <a href="/">two</a></p><script>ignored()</script><p id="c">three</p></div>');
  const m = textLengths(d.body);
  const el = (id: string) => d.getElementById(id) as Element;
  assert.equal(m.text.get(el('b')), 'One two'.length);
  assert.equal(m.link.get(el('b')), 'two'.length);
  assert.equal(m.text.get(el('a')), 'One two'.length + 'three'.length);
});
