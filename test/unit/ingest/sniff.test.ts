import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  declaredCharset,
  isGzip,
  kindFromContentType,
  looksBinary,
  nameInfo,
  rootElement,
  sniffKind,
  utf16Bom,
} from '../../../src/ingest/sniff.js';

test('nameInfo strips .gz and one extension and names the kind', () => {
  assert.deepEqual(nameInfo('/x/seed.txt'), { stem: 'seed', kind: 'text', gz: false });
  assert.deepEqual(nameInfo('a.jsonl.gz'), { stem: 'a', kind: 'jsonl', gz: true });
  assert.deepEqual(nameInfo('page.HTML.GZ'), { stem: 'page', kind: 'html', gz: true });
  assert.deepEqual(nameInfo('report.2022.csv'), { stem: 'report.2022', kind: 'csv', gz: false });
  assert.deepEqual(nameInfo('notes.md'), { stem: 'notes', kind: undefined, gz: false });
  assert.deepEqual(nameInfo('.profile'), { stem: '.profile', gz: false });
  assert.deepEqual(nameInfo('README'), { stem: 'README', gz: false });
  assert.equal(nameInfo('w.ndjson').kind, 'jsonl');
  assert.equal(nameInfo('w.atom').kind, 'feed');
  assert.equal(nameInfo('w.rss').kind, 'feed');
  assert.equal(nameInfo('w.htm').kind, 'html');
});

test('sniffKind tells feeds, HTML, JSON and text apart from the first characters', () => {
  assert.equal(sniffKind('<?xml version="1.0"?>\n<!-- c --><rss version="2.0">'), 'feed');
  assert.equal(sniffKind('<feed xmlns="http://www.w3.org/2005/Atom">'), 'feed');
  assert.equal(sniffKind('<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">'), 'feed');
  assert.equal(sniffKind('<?xml version="1.0"?><urlset>'), 'feed');
  assert.equal(sniffKind('\uFEFF  <!DOCTYPE html><html>'), 'html');
  assert.equal(sniffKind('<?xml version="1.0"?><html xmlns="x">'), 'html');
  assert.equal(sniffKind('<p>fragment'), 'html');
  assert.equal(sniffKind('\n {"a":1}'), 'json');
  assert.equal(sniffKind('[1]'), 'json');
  assert.equal(sniffKind('Plain text < with markup later'), 'text');
});

test('rootElement skips declarations, comments and doctypes', () => {
  assert.equal(rootElement('<?xml version="1.0"?><!-- x --><!DOCTYPE rss><RSS>'), 'rss');
  assert.equal(rootElement('<!-- never closed'), undefined);
});

test('looksBinary flags NUL bytes and mostly-control content but not accented text', () => {
  assert.equal(looksBinary(Buffer.from([0x41, 0x00, 0x42])), true);
  assert.equal(looksBinary(Buffer.from([1, 2, 3, 4, 0x41, 0x42])), true);
  assert.equal(looksBinary(Buffer.from('Café au lait in Aldport.\tTabs\r\n')), false);
  assert.equal(looksBinary(Buffer.concat([Buffer.from('Latin-1 caf'), Buffer.from([0xe9]), Buffer.from(' text with one odd byte')])), false);
  assert.equal(looksBinary(Buffer.alloc(0)), false);
});

test('isGzip and utf16Bom read magic bytes', () => {
  assert.equal(isGzip(Buffer.from([0x1f, 0x8b, 8])), true);
  assert.equal(isGzip(Buffer.from('hi')), false);
  assert.equal(utf16Bom(Buffer.from([0xff, 0xfe, 0x41, 0])), 'utf-16le');
  assert.equal(utf16Bom(Buffer.from([0xfe, 0xff, 0, 0x41])), 'utf-16be');
  assert.equal(utf16Bom(Buffer.from('ab')), undefined);
});

test('declaredCharset reads the Content-Type header, the XML declaration and HTML meta tags', () => {
  assert.equal(declaredCharset(Buffer.from('<p>'), 'text/html; charset="ISO-8859-1"'), 'iso-8859-1');
  assert.equal(declaredCharset(Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss>')), 'windows-1252');
  assert.equal(declaredCharset(Buffer.from('<head><meta charset=koi8-r>')), 'koi8-r');
  assert.equal(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">')), 'shift_jis');
  assert.equal(declaredCharset(Buffer.from('<p>none</p>')), undefined);
});

test('kindFromContentType maps media types to readers and refuses media parley never reads', () => {
  assert.equal(kindFromContentType('text/html; charset=utf-8'), 'html');
  assert.equal(kindFromContentType('application/rss+xml'), 'feed');
  assert.equal(kindFromContentType('application/atom+xml'), 'feed');
  assert.equal(kindFromContentType('text/xml'), 'feed');
  assert.equal(kindFromContentType('application/x-ndjson'), 'jsonl');
  assert.equal(kindFromContentType('application/json'), 'json');
  assert.equal(kindFromContentType('text/csv'), 'csv');
  assert.equal(kindFromContentType('image/jpeg'), 'binary');
  assert.equal(kindFromContentType('application/pdf'), 'binary');
  assert.equal(kindFromContentType('text/plain'), undefined);
  assert.equal(kindFromContentType(undefined), undefined);
});
