import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/extract/dom.js';
import { indexMeta } from '../../../src/extract/metadata.js';
import { dateFromUrl, dateInText, findPublished, publishedFromText, slashOrder } from '../../../src/extract/published.js';

const TODAY = '2024-01-01';

/** Run the cascade on a small page written for the test. */
function find(head: string, body = '', url?: string) {
  const d = parseDocument(`<html><head>${head}</head><body>${body}</body></html>`);
  return findPublished(d, indexMeta(d), { url, today: TODAY });
}

const ld = (obj: unknown) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;

test('findPublished reads datePublished from JSON-LD', () => {
  assert.deepEqual(find(ld({ '@type': 'NewsArticle', datePublished: '2021-05-06T08:00:00+02:00' })), { date: '2021-05-06', from: 'json-ld' });
});

test('findPublished finds the article in a JSON-LD @graph and skips other objects', () => {
  const graph = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'Organization', name: 'Paper', foundingDate: '1901-01-01' },
      { '@type': 'WebPage', datePublished: '2021-05-01' },
      { '@type': ['ReportageNewsArticle'], datePublished: '2021-05-06', author: { '@type': 'Person', birthDate: '1970-01-01' } },
    ],
  };
  assert.deepEqual(find(ld(graph)), { date: '2021-05-06', from: 'json-ld' });
});

test('findPublished reads JSON-LD given as an array and nested under mainEntity', () => {
  assert.equal(find(ld([{ '@type': 'BreadcrumbList' }, { '@type': 'BlogPosting', datePublished: '2020-02-02' }]))?.date, '2020-02-02');
  assert.equal(find(ld({ '@type': 'WebPage', mainEntity: { '@type': 'Article', datePublished: '2020-03-03' } }))?.date, '2020-03-03');
});

test('findPublished reads a date from JSON-LD that does not parse', () => {
  const broken = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A "quoted" word", "datePublished": "2020-04-04T10:00:00Z"}</script>';
  assert.deepEqual(find(broken), { date: '2020-04-04', from: 'json-ld' });
});

test('findPublished reads the publication date meta names', () => {
  const cases: [string, string][] = [
    ['<meta property="article:published_time" content="2020-06-01T10:00:00Z">', 'meta:article:published_time'],
    ['<meta property="og:published_time" content="2020-06-01">', 'meta:og:published_time'],
    ['<meta name="pubdate" content="2020-06-01">', 'meta:pubdate'],
    ['<meta name="publishdate" content="2020-06-01">', 'meta:publishdate'],
    ['<meta name="DC.date" content="2020-06-01">', 'meta:dc.date'],
    ['<meta name="dcterms.created" content="2020-06-01">', 'meta:dcterms.created'],
    ['<meta name="sailthru.date" content="2020-06-01 10:00:00">', 'meta:sailthru.date'],
    ['<meta name="parsely-pub-date" content="2020-06-01T10:00:00Z">', 'meta:parsely-pub-date'],
    ['<meta itemprop="datePublished" content="2020-06-01">', 'meta:datepublished'],
    ['<meta name="date" content="June 1, 2020">', 'meta:date'],
  ];
  for (const [tag, from] of cases) assert.deepEqual(find(tag), { date: '2020-06-01', from }, tag);
});

test('findPublished prefers the publication date over the modified date', () => {
  const head =
    '<meta property="article:modified_time" content="2020-06-09T10:00:00Z">' +
    '<meta property="og:updated_time" content="2020-06-09T10:00:00Z">' +
    '<meta property="article:published_time" content="2020-06-01T10:00:00Z">';
  assert.equal(find(head)?.date, '2020-06-01');
  assert.equal(find(ld({ '@type': 'Article', dateModified: '2020-06-09', datePublished: '2020-06-01' }))?.date, '2020-06-01');
});

test('findPublished reads an itemprop datePublished element', () => {
  assert.deepEqual(find('', '<p>Posted <span itemprop="datePublished" content="2020-07-07">7 July</span></p>'), { date: '2020-07-07', from: 'itemprop' });
});

test('findPublished prefers a pubdate time element over an earlier updated one', () => {
  const body =
    '<div class="updated"><time datetime="2020-08-20T10:00:00Z">20 Aug</time></div>' +
    '<time datetime="2020-08-08T10:00:00Z" pubdate>8 Aug</time>';
  assert.deepEqual(find('', body), { date: '2020-08-08', from: 'time' });
});

test('findPublished takes the first time element that is not an update', () => {
  const body = '<p>Updated: <time datetime="2020-08-20">20 Aug</time></p><article><time datetime="2020-08-08">8 Aug</time></article>';
  assert.deepEqual(find('', body), { date: '2020-08-08', from: 'time' });
});

test('findPublished prefers a time element in the article header', () => {
  const body = '<div class="ticker"><time datetime="2020-08-01">1 Aug</time></div><article><header><h1>T</h1><time datetime="2020-08-08">8 Aug</time></header></article>';
  assert.deepEqual(find('', body), { date: '2020-08-08', from: 'time' });
});

test('findPublished ignores time elements in comments and related lists', () => {
  const body = '<div class="comments"><time datetime="2020-08-21">x</time></div>';
  assert.equal(find('', body), undefined);
});

test('findPublished falls back to a date in the URL', () => {
  assert.deepEqual(find('', '<p>text</p>', 'https://news.example/politics/2020/09/10/story.html'), { date: '2020-09-10', from: 'url' });
});

test('findPublished reads the canonical URL when the page URL has no date', () => {
  assert.deepEqual(find('<link rel="canonical" href="https://news.example/2020-09-11/story">', '', 'https://feeds.example/r/abc'), { date: '2020-09-11', from: 'url' });
});

test('findPublished reads the text of an element whose class says it holds the date', () => {
  assert.deepEqual(find('', '<div class="article-date">Published 12 October 2020, 10:00</div><p>Body.</p>'), { date: '2020-10-12', from: 'element' });
});

test('findPublished skips dates after the last-modified date, in the future or before 1995', () => {
  const future = find('<meta name="pubdate" content="2030-01-01">');
  assert.equal(future, undefined);
  const ancient = find('<meta name="pubdate" content="1970-01-01">');
  assert.equal(ancient, undefined);
  const afterEdit = find('<meta property="article:modified_time" content="2020-05-01">', '<time datetime="2020-06-01">1 June</time>');
  assert.equal(afterEdit, undefined);
});

test('findPublished lets a declared date exceed the modified date by a few days only', () => {
  const scheduled = '<meta property="article:modified_time" content="2020-05-01"><meta property="article:published_time" content="2020-05-03">';
  assert.equal(find(scheduled)?.date, '2020-05-03');
  const far = '<meta property="article:modified_time" content="2020-05-01"><meta property="article:published_time" content="2020-06-03">';
  assert.equal(find(far), undefined);
});

test('findPublished takes the URL day when a UTC time near midnight shifts the structured day', () => {
  const head = '<meta property="article:published_time" content="2020-02-18T02:10:00Z">';
  assert.deepEqual(find(head, '', 'https://news.example/2020/02/17/story/'), { date: '2020-02-17', from: 'url' });
  const noon = '<meta property="article:published_time" content="2020-02-18T12:10:00Z">';
  assert.equal(find(noon, '', 'https://news.example/2020/02/17/story/')?.date, '2020-02-18');
});

test('findPublished returns undefined for a page without any date', () => {
  assert.equal(find('<title>No date</title>', '<p>Nothing here says when.</p>'), undefined);
});

test('dateFromUrl reads the common URL date forms', () => {
  assert.equal(dateFromUrl('https://a.example/2020/05/12/title'), '2020-05-12');
  assert.equal(dateFromUrl('https://a.example/news/2020-05-12-title'), '2020-05-12');
  assert.equal(dateFromUrl('https://a.example/news/title_20200512.html'), '2020-05-12');
  assert.equal(dateFromUrl('https://a.example/2020/05/title'), undefined);
  assert.equal(dateFromUrl('https://a.example/id/1234567890'), undefined);
  assert.equal(dateFromUrl('https://a.example/2020/13/45/x'), undefined);
});

test('dateInText finds numeric and written dates', () => {
  assert.equal(dateInText('Posted 12.05.2020 at 10:00'), '2020-05-12');
  assert.equal(dateInText('on May 12, 2020'), '2020-05-12');
  assert.equal(dateInText('12 мая 2020 г.'), '2020-05-12');
  assert.equal(dateInText('no date here 2020'), undefined);
});

test('publishedFromText reads a Published line and skips Updated lines', () => {
  assert.deepEqual(publishedFromText(['Updated March 9, 2021', 'Published March 2, 2021', 'Body text.'], { today: TODAY }), { date: '2021-03-02', from: 'text' });
  assert.deepEqual(publishedFromText(['KORSVIK, 3 March 2021 – Ministers met.'], { today: TODAY }), { date: '2021-03-03', from: 'text' });
  assert.equal(publishedFromText(['Updated March 9, 2021'], { today: TODAY }), undefined);
  const long = 'KORSVIK, 3 March 2021 – Ministers from the two countries met again on the quay to sign the final text.';
  assert.equal(publishedFromText([long], { today: TODAY })?.date, '2021-03-03');
  const sentence = 'On 3 March 2021, ministers from the two countries met again on the quay to sign the final text of the accord.';
  assert.equal(publishedFromText([sentence], { today: TODAY }), undefined);
});

test('dateInText reads slashed dates in the page language order', () => {
  assert.equal(dateInText('Posted 05/06/2020'), '2020-06-05');
  assert.equal(dateInText('Posted 05/06/2020', 'mdy'), '2020-05-06');
  assert.equal(dateInText('Posted 05.06.2020', 'mdy'), '2020-06-05');
  assert.equal(dateInText('Posted 25/06/2020', 'mdy'), '2020-06-25');
  assert.equal(slashOrder('en-US'), 'mdy');
  assert.equal(slashOrder('en'), 'mdy');
  assert.equal(slashOrder('en-GB'), 'dmy');
  assert.equal(slashOrder('fr'), 'dmy');
  assert.equal(slashOrder(undefined), 'dmy');
});
