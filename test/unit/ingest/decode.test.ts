import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBytes, invalidUtf8Warning } from '../../../src/ingest/decode.js';

test('decodeBytes drops a UTF-8 byte-order mark', () => {
  assert.deepEqual(decodeBytes(Buffer.from('\uFEFFhi')), { text: 'hi', invalid: false });
});

test('decodeBytes prefers valid UTF-8 over a declared charset', () => {
  assert.deepEqual(decodeBytes(Buffer.from('café'), 'iso-8859-1'), { text: 'café', invalid: false });
});

test('decodeBytes uses a declared charset when the bytes are not UTF-8', () => {
  assert.deepEqual(decodeBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'windows-1252'), { text: 'café', invalid: false });
});

test('decodeBytes replaces invalid UTF-8 and says so when no usable charset is declared', () => {
  assert.deepEqual(decodeBytes(Buffer.from([0x61, 0xff, 0x62])), { text: 'a\uFFFDb', invalid: true });
  assert.deepEqual(decodeBytes(Buffer.from([0x61, 0xff]), 'no-such-charset'), { text: 'a\uFFFD', invalid: true });
});

test('invalidUtf8Warning names the file and the line', () => {
  assert.match(invalidUtf8Warning('a/b.jsonl', 3), /^a\/b\.jsonl:3: invalid UTF-8/);
  assert.match(invalidUtf8Warning('a/b.txt'), /^a\/b\.txt: invalid UTF-8/);
});
