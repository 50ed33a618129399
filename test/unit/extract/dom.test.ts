import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlFixture } from './fixtures.js';
import { parseDocument } from '../../../src/extract/dom.js';

test('parseDocument gives a fragment an html element, a head and a body', () => {
  const d = parseDocument('<p>one</p><p>two');
  assert.equal(d.documentElement.tagName, 'HTML');
  assert.ok(d.head);
  assert.equal(d.body.querySelectorAll('p').length, 2);
});

test('parseDocument handles an empty string and plain text', () => {
  assert.equal(parseDocument('').body.textContent, '');
  assert.equal(parseDocument('just words').body.textContent, 'just words');
});

test('parseDocument keeps the head of a document without an <html> element', () => {
  const d = parseDocument('<head><title>Headline</title></head><body><p>x</p></body>');
  assert.equal(d.title, 'Headline');
  assert.equal(d.body.textContent, 'x');
});

test('parseDocument adds a body to a document that has only a head', () => {
  const d = parseDocument('<html><head><title>T</title></head></html>');
  assert.ok(d.body);
  assert.equal(d.body.textContent, '');
});

test('parseDocument does not throw on broken markup', () => {
  const html = htmlFixture('broken.html');
  const d = parseDocument(html);
  assert.match(d.body.textContent ?? '', /First paragraph/);
});
