import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordToRaw } from '../../../src/ingest/record.js';

const origin = { path: 'r.jsonl', line: 7, format: 'jsonl' as const };

test('recordToRaw keeps the known fields, stringifies numbers and ignores unknown fields', () => {
  const r = recordToRaw({ id: 42, url: 'https://x.example', title: 'T', published: 20230102, source: 'S', text: 'body', extra: [1] }, origin);
  assert.equal(r.ok, true);
  if (!r.ok) return;
  assert.equal(r.id, '42');
  assert.deepEqual(r.raw, { origin, url: 'https://x.example', title: 'T', published: '20230102', source: 'S', text: 'body' });
});

test('recordToRaw passes published through as given', () => {
  const r = recordToRaw({ text: 'x', published: 'last Tuesday, 3pm' }, origin);
  assert.equal(r.ok && r.raw.published, 'last Tuesday, 3pm');
});

test('recordToRaw needs non-blank text or html and prefers text when both are given', () => {
  assert.deepEqual(recordToRaw({ title: 'only' }, origin), { ok: false, why: 'record has neither text nor html' });
  assert.deepEqual(recordToRaw({ text: '   ', html: '' }, origin), { ok: false, why: 'record has neither text nor html' });
  const both = recordToRaw({ text: 'plain', html: '<p>markup</p>' }, origin);
  assert.equal(both.ok && both.raw.text, 'plain');
  assert.equal(both.ok && both.raw.html, undefined);
  const html = recordToRaw({ text: '', html: '<p>markup</p>' }, origin);
  assert.equal(html.ok && html.raw.html, '<p>markup</p>');
});

test('recordToRaw refuses non-objects and non-string bodies with a reason', () => {
  assert.match(recordToRaw([1, 2], origin).ok ? '' : (recordToRaw([1, 2], origin) as { why: string }).why, /an array/);
  assert.match((recordToRaw('text', origin) as { why: string }).why, /a string, not an object/);
  assert.match((recordToRaw(null, origin) as { why: string }).why, /null/);
  assert.match((recordToRaw({ text: { a: 1 } }, origin) as { why: string }).why, /'text' is an object, not a string/);
});

test('recordToRaw treats a blank id as missing', () => {
  const r = recordToRaw({ id: '  ', text: 'x' }, origin);
  assert.equal(r.ok && r.id, undefined);
});
