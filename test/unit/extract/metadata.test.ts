import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/extract/dom.js';
import { absoluteUrl, firstMeta, indexMeta, readMetadata } from '../../../src/extract/metadata.js';

test('indexMeta indexes name, property and itemprop in lower case', () => {
  const d = parseDocument('<head><meta property="OG:Title" content=" A  title "><meta name="Author" content="Ann Lee"><meta itemprop="datePublished" content="2020-01-01"><meta name="empty" content=""></head>');
  const m = indexMeta(d);
  assert.equal(firstMeta(m, ['og:title']), 'A title');
  assert.equal(firstMeta(m, ['author']), 'Ann Lee');
  assert.equal(firstMeta(m, ['datepublished']), '2020-01-01');
  assert.equal(m.has('empty'), false);
});

test('readMetadata prefers og:title, resolves the canonical URL and validates the language', () => {
  const d = parseDocument('<html lang="pt_BR"><head><title>Site | Story</title><meta property="og:title" content="Story"><link rel="canonical" href="/a/b"><meta property="og:site_name" content="Site"></head><body></body></html>');
  assert.deepEqual(readMetadata(d, indexMeta(d), 'https://site.example/x?y=1'), {
    title: 'Story',
    lang: 'pt-BR',
    canonicalUrl: 'https://site.example/a/b',
    siteName: 'Site',
  });
});

test('readMetadata falls back to <title> and ignores a URL given as author', () => {
  const d = parseDocument('<html lang="not a language"><head><title> Plain  title </title><meta name="author" content="https://social.example/someone"></head></html>');
  assert.deepEqual(readMetadata(d, indexMeta(d)), { title: 'Plain title' });
});

test('absoluteUrl keeps only http(s) URLs', () => {
  assert.equal(absoluteUrl('javascript:void(0)'), undefined);
  assert.equal(absoluteUrl('/x', 'https://a.example/y'), 'https://a.example/x');
  assert.equal(absoluteUrl('/x'), undefined);
});
