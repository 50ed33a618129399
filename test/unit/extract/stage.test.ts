import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlFixture } from './fixtures.js';
import type { Doc, RawDoc } from '../../../src/doc.js';
import { emptyLayers } from '../../../src/doc.js';
import { buildPipeline, hasFatal } from '../../../src/pipeline.js';
import { extractStage, layoutBlocks, makeExtract } from '../../../src/extract/stage.js';
import '../../../src/extract/index.js';

const fixture = htmlFixture;

function docOf(raw: Omit<RawDoc, 'origin'>, id = 'd1'): Doc {
  return { id, hash: 'h', text: '', meta: {}, layers: emptyLayers(), diagnostics: [], raw: { ...raw, origin: { path: 'test', format: raw.html !== undefined ? 'html' : 'text' } } };
}

const run = (doc: Doc, config = {}) => {
  makeExtract({}, { config })(doc);
  return doc;
};

test('extract keeps text input exactly as read and makes line blocks', () => {
  const text = '  First line.\r\nSecond line\n\n\tThird\n';
  const doc = run(docOf({ text }));
  assert.equal(doc.text, text);
  assert.deepEqual(doc.layers.blocks.map((b) => doc.text.slice(b.start, b.end)), ['First line.', 'Second line', 'Third']);
  assert.ok(doc.layers.blocks.every((b) => b.kind === 'line'));
  assert.equal(doc.raw, undefined);
});

test('extract lays HTML blocks out one per line with exact offsets and kinds', () => {
  const doc = run(docOf({ html: fixture('article-basic.html') }));
  const lines = doc.text.split('\n');
  assert.equal(lines.length, doc.layers.blocks.length);
  doc.layers.blocks.forEach((b, i) => {
    assert.equal(b.id, i);
    assert.equal(b.line, i);
    assert.equal(doc.text.slice(b.start, b.end), lines[i]);
  });
  assert.deepEqual(
    doc.layers.blocks.map((b) => b.kind),
    ['p', 'p', 'caption', 'h', 'p', 'li', 'li', 'quote', 'p'],
  );
  assert.equal(doc.layers.blocks[2].dropped, 'caption');
});

test('extract records an info diagnostic for each block the markup drops', () => {
  const doc = run(docOf({ html: fixture('article-basic.html') }));
  const caption = doc.layers.blocks[2];
  const d = doc.diagnostics.find((x) => x.ruleId === 'extract:tag-figcaption');
  assert.equal(d?.severity, 'info');
  assert.equal(d?.start, caption.start);
  assert.equal(d?.end, caption.end);
});

test('extract lets record fields win over what the page says', () => {
  const doc = run(docOf({ html: fixture('article-basic.html'), url: 'https://wire.example/item/7', title: 'Record title', source: 'Wire', published: 'Tue, 09 Mar 2021 10:00:00 +0000' }));
  assert.equal(doc.meta.url, 'https://wire.example/item/7');
  assert.equal(doc.meta.title, 'Record title');
  assert.equal(doc.meta.source, 'Wire');
  assert.equal(doc.meta.published, '2021-03-09');
  assert.equal(doc.meta.publishedFrom, 'record');
  assert.equal(doc.meta.byline, 'Mara Quill');
  assert.deepEqual(doc.meta.origin, { path: 'test', format: 'html' });
});

test('extract takes the page metadata and names the date rule when the record has none', () => {
  const doc = run(docOf({ html: fixture('article-basic.html') }));
  assert.equal(doc.meta.title, 'Harbour accord signed after long talks');
  assert.equal(doc.meta.source, 'The Northern Ledger');
  assert.equal(doc.meta.lang, 'en-GB');
  assert.equal(doc.meta.published, '2021-03-04');
  assert.equal(doc.meta.publishedFrom, 'json-ld');
  const info = doc.diagnostics.find((d) => d.ruleId === 'extract:published');
  assert.equal(info?.severity, 'info');
  assert.match(info?.reason ?? '', /2021-03-04 from json-ld/);
});

test('extract warns about a record date it cannot read and falls back to the page', () => {
  const doc = run(docOf({ html: fixture('article-basic.html'), published: 'sometime last spring' }));
  assert.ok(doc.diagnostics.some((d) => d.severity === 'warning' && d.ruleId === 'extract:bad-date'));
  assert.equal(doc.meta.publishedFrom, 'json-ld');
});

test('extract uses the configured date when neither record nor page has one', () => {
  const doc = run(docOf({ text: 'A line of text.' }), { published: '2022-01-02' });
  assert.equal(doc.meta.published, '2022-01-02');
  assert.equal(doc.meta.publishedFrom, 'config');
});

test('extract pushes a fatal extract:empty diagnostic when nothing can be extracted', () => {
  for (const raw of [{ html: '<html><body><script>x()</script></body></html>' }, { text: '  \n \n' }, { html: '' }]) {
    const doc = run(docOf(raw));
    const fatal = doc.diagnostics.find((d) => d.severity === 'fatal');
    assert.equal(fatal?.ruleId, 'extract:empty');
    assert.equal(fatal?.source, 'extract');
    assert.equal(doc.raw, undefined);
  }
});

test('extract does not throw on broken HTML and keeps offsets exact', () => {
  const doc = run(docOf({ html: fixture('broken.html') }));
  assert.ok(!hasFatal(doc));
  for (const b of doc.layers.blocks) assert.equal(doc.text.slice(b.start, b.end), doc.text.split('\n')[b.line]);
});

test('extract is registered and runs in a built pipeline', () => {
  const pipeline = buildPipeline(['extract'], { config: {} });
  assert.equal(pipeline.info.stages[0].name, 'extract');
  assert.equal(extractStage.writes.join(','), 'text,blocks');
  const doc = pipeline.run(docOf({ html: fixture('br-separated.html') }));
  assert.equal(doc.layers.blocks.length, 4);
  assert.ok(!hasFatal(doc));
});

test('layoutBlocks joins block texts with newlines and skips empty ones', () => {
  const laid = layoutBlocks({ blocks: [{ text: 'One', kind: 'h' }, { text: '', kind: 'p' }, { text: 'Two', kind: 'p', dropped: 'promo' }] });
  assert.equal(laid.text, 'One\nTwo');
  assert.deepEqual(laid.sources, [0, 2]);
  assert.deepEqual(laid.blocks, [
    { id: 0, line: 0, kind: 'h', start: 0, end: 3 },
    { id: 1, line: 1, kind: 'p', start: 4, end: 7, dropped: 'promo' },
  ]);
});
