import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizedWords } from '../../../src/clean/shingles.js';
import { countWords, startsWithWords, WordTable } from '../../../src/clean/words.js';

/** Texts that exercise the word pattern: apostrophes, digits, punctuation, case, spacing, Unicode. */
function texts(): string[] {
  const fixed = [
    '',
    '   ',
    "Don't stop: it's 2024's 'big' year -- isn't it?",
    "rock 'n' roll ''double'' a''b x'y'z' 'lead trail' end'",
    'The Envoy’s “final” offer — rejected!',
    'Ｔｏｋｙｏ, 2024',
    'ÉTAT état Straße İstanbul ﬁnal',
    'tabs\tand\nnewlines\r\nhere',
    'a-b_c.d/e\\f@g#h',
  ];
  let seed = 5;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const alphabet = "abcXYZ09 '.,-’é\t";
  for (let i = 0; i < 2000; i++) {
    const n = Math.floor(rnd() * 40);
    let t = '';
    for (let k = 0; k < n; k++) t += alphabet[Math.floor(rnd() * (i % 2 === 0 ? 10 : alphabet.length))];
    fixed.push(t);
  }
  return fixed;
}

test('countWords counts what normalizedWords finds', () => {
  for (const t of texts()) assert.equal(countWords(t), normalizedWords(t).length, JSON.stringify(t));
});

test('startsWithWords agrees with comparing normalizedWords', () => {
  const all = texts();
  for (const t of all) {
    const words = normalizedWords(t);
    for (const n of [0, 1, 2, words.length]) assert.equal(startsWithWords(t, words.slice(0, n)), true, JSON.stringify(t));
    assert.equal(startsWithWords(t, [...words, 'more']), false);
    if (words.length > 0) assert.equal(startsWithWords(t, ['zz' + words[0]]), false);
  }
  assert.equal(startsWithWords('The Talks resumed', ['the', 'talks']), true);
  assert.equal(startsWithWords('The Talks resumed', ['the', 'talk']), false);
});

test('WordTable gives equal ids exactly to equal normalised words, from text or from strings', () => {
  const table = new WordTable();
  const byWord = new Map<string, number>();
  for (const t of texts()) {
    const ids: number[] = [];
    table.scan(t, ids);
    const words = normalizedWords(t);
    assert.equal(ids.length, words.length);
    words.forEach((w, i) => {
      const known = byWord.get(w);
      if (known === undefined) byWord.set(w, ids[i]);
      else assert.equal(ids[i], known, `word '${w}'`);
      assert.equal(table.idOf(w), ids[i]);
    });
  }
  assert.equal(new Set(byWord.values()).size, byWord.size, 'different words, different ids');
  assert.equal(table.size, byWord.size);
  table.clear();
  assert.equal(table.size, 0);
});
