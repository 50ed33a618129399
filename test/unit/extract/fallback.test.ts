import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../src/extract/dom.js';
import { densestContainer, nonLinkLength } from '../../../src/extract/fallback.js';

const S = 'The regional assembly voted on Tuesday to extend the state of emergency in the flooded districts by another month.';

test('densestContainer picks the element that directly holds the most paragraph text', () => {
  const d = parseDocument(`<div id="nav"><a href="/">${S}</a></div><div id="main"><p>${S}</p><p>${S}</p></div><div id="side"><p>${S}</p></div>`);
  assert.equal(densestContainer(d)?.id, 'main');
});

test('densestContainer counts text split by <br> directly in a container', () => {
  const d = parseDocument(`<div id="a"><p>${S}</p></div><div id="b">${S}<br><br>${S}<br>${S}</div>`);
  assert.equal(densestContainer(d)?.id, 'b');
});

test('densestContainer ignores headers, footers, asides and forms', () => {
  const d = parseDocument(`<footer><p>${S}</p><p>${S}</p></footer><aside><p>${S}</p><p>${S}</p></aside><div id="x"><p>${S}</p></div>`);
  assert.equal(densestContainer(d)?.id, 'x');
});

test('densestContainer returns undefined for a page without prose', () => {
  assert.equal(densestContainer(parseDocument('<div><a href="/">Home</a> <a href="/b">About</a></div>')), undefined);
});

test('nonLinkLength subtracts link text', () => {
  const el = parseDocument('<p>Read <a href="/">the full report</a> here</p>').querySelector('p') as Element;
  assert.equal(nonLinkLength(el), 'Read the full report here'.length - 'the full report'.length);
});
