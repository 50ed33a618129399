import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeXmlEntities, looksLikeHtml, parseFeed, unwrapBody } from '../../../src/ingest/feed.js';

function ok(xml: string) {
  const r = parseFeed(xml, 'mem.xml');
  assert.equal(r.ok, true, r.ok ? '' : r.why);
  return r.ok ? r : assert.fail('not ok');
}

test('decodeXmlEntities decodes the XML entities and numeric references but leaves HTML names', () => {
  assert.equal(decodeXmlEntities('a &lt;b&gt; &amp;amp; &quot;q&quot; &apos;s&apos; &#233;&#xE9; &nbsp;'), 'a <b> &amp; "q" \'s\' éé &nbsp;');
});

test('unwrapBody takes CDATA verbatim, unescapes escaped markup and keeps inline markup', () => {
  assert.equal(unwrapBody('<![CDATA[<p>a &amp; b</p>]]>'), '<p>a &amp; b</p>');
  assert.equal(unwrapBody('&lt;p&gt;x&lt;/p&gt; and <![CDATA[<i>y</i>]]>'), '<p>x</p> and <i>y</i>');
  assert.equal(unwrapBody('<div><p>inline &amp; kept</p></div>'), '<div><p>inline &amp; kept</p></div>');
  assert.equal(unwrapBody('  plain  '), 'plain');
});

test('looksLikeHtml sees tags and entity references but not a lone less-than sign', () => {
  assert.equal(looksLikeHtml('<p>x</p>'), true);
  assert.equal(looksLikeHtml('a<br/>b'), true);
  assert.equal(looksLikeHtml('caf&eacute;'), true);
  assert.equal(looksLikeHtml('3 < 4 and 5 > 2'), false);
  assert.equal(looksLikeHtml('Plain words.'), false);
});

test('parseFeed reads RSS 1.0 (RDF) items with dc:date', () => {
  const r = ok(`<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://r.example/"><title>RDF Wire</title></channel>
  <item rdf:about="https://r.example/1"><title>One</title><link>https://r.example/1</link><dc:date>2023-01-02</dc:date><description>First.</description></item>
</rdf:RDF>`);
  assert.equal(r.format, 'rss');
  const [d] = r.items;
  assert.equal(d.kind, 'doc');
  if (d.kind !== 'doc') return;
  assert.equal(d.raw.published, '2023-01-02');
  assert.equal(d.raw.source, 'RDF Wire');
  assert.equal(d.raw.text, 'First.');
  assert.equal(d.raw.url, 'https://r.example/1');
});

test('parseFeed prefers content:encoded over description and the item source over the channel title', () => {
  const r = ok(`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Aggregator</title>
<item><title>T &amp; U</title><source url="https://o.example/rss">Origin Daily</source><description>teaser</description><content:encoded>&lt;p&gt;full&lt;/p&gt;</content:encoded></item>
</channel></rss>`);
  const [d] = r.items;
  if (d.kind !== 'doc') return assert.fail('expected a doc');
  assert.equal(d.raw.html, '<p>full</p>');
  assert.equal(d.raw.source, 'Origin Daily');
  assert.equal(d.raw.title, 'T & U');
});

test('parseFeed keeps numeric-looking guids and titles as strings', () => {
  const r = ok('<rss><channel><item><guid>000123</guid><title>2024</title><description>x</description></item></channel></rss>');
  const [d] = r.items;
  if (d.kind !== 'doc') return assert.fail('expected a doc');
  assert.equal(d.id, '000123');
  assert.equal(d.raw.title, '2024');
});

test('parseFeed accepts an empty but valid feed with no items', () => {
  assert.deepEqual(ok('<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>').items, []);
});

test('parseFeed refuses text that is not XML and XML whose root is not a feed', () => {
  const a = parseFeed('Just words', 'x');
  assert.equal(a.ok, false);
  const b = parseFeed('<html><body><p>x</p></body></html>', 'x');
  assert.equal(b.ok, false);
  assert.match(b.ok ? '' : b.why, /<html>/);
});
