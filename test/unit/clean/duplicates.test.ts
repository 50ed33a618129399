import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DUPLICATE_DEFAULTS, findNearDuplicates, isQuestion, shingleIdSets } from '../../../src/clean/duplicates.js';
import type { DuplicateMatch, DuplicateOptions } from '../../../src/clean/duplicates.js';
import { normalizedWords, wordShingles } from '../../../src/clean/shingles.js';

const P1 = 'The coastal states agreed to pool part of their reserves in a regional fund and to meet again in the autumn.';
const P2 = 'Rescue teams used boats to reach families stranded on rooftops after the river burst its banks overnight.';

test('findNearDuplicates drops a later copy with one word added and the full stop missing', () => {
  const texts = [P1, P2, 'The five coastal states agreed to pool part of their reserves in a regional fund and to meet again in the autumn'];
  const m = findNearDuplicates(texts);
  assert.equal(m.length, 1);
  assert.equal(m[0].index, 2);
  assert.equal(m[0].of, 0);
});

test('findNearDuplicates drops a copy that names the parties differently', () => {
  const first = 'The envoy called on Ghana and Togo to reopen the border crossing, restore electricity links and release detained traders before the rainy season begins.';
  const later = 'The envoy called on the two sides to reopen the border crossing, restore electricity links and release detained traders before the rainy season begins.';
  assert.deepEqual(findNearDuplicates([first, P2, later]).map((m) => [m.index, m.of]), [[2, 0]]);
});

test('findNearDuplicates keeps short repeated lines and repeated questions', () => {
  const question = 'Q: What will the fund be used for in its first year, minister?';
  const texts = ['Section two', question, P1, 'Section two', question, P2];
  assert.deepEqual(findNearDuplicates(texts), []);
  assert.equal(isQuestion(question), true);
  assert.equal(isQuestion('He asked why. Nobody answered?'), false);
});

test('findNearDuplicates keeps distinct paragraphs on the same topic', () => {
  const a = 'The coastal states agreed to pool part of their reserves in a regional fund, officials said on Tuesday.';
  const b = 'Officials said on Tuesday that the regional fund would be managed by a board drawn from the central banks.';
  assert.deepEqual(findNearDuplicates([a, b]), []);
});

test('findNearDuplicates keeps every copy of a text repeated three times or more', () => {
  const texts = [P1, P2, P1, 'Unrelated filler paragraph about the weather, the harvest and the markets in the north.', P1];
  assert.deepEqual(findNearDuplicates(texts), []);
  assert.equal(findNearDuplicates(texts, { templateCopies: 0 }).length, 2);
});

test('findNearDuplicates drops a cut copy by containment but not a one-sentence pull quote', () => {
  const long = 'Ministers met for six hours. They agreed to pool reserves in a regional fund, to coordinate currency interventions, and to meet again in the autumn to review progress and invite smaller neighbours.';
  const cut = 'They agreed to pool reserves in a regional fund, to coordinate currency interventions, and to meet again in the autumn';
  const quote = 'They agreed to pool reserves in a regional fund.';
  assert.deepEqual(findNearDuplicates([long, P2, cut]).map((m) => m.index), [2]);
  assert.deepEqual(findNearDuplicates([long + ' ' + P2 + ' ' + P1, 'Ministers will meet again in the autumn to review progress made by the fund and its partners so far.']), []);
  assert.deepEqual(findNearDuplicates([long, quote]), []);
});

test('findNearDuplicates skips undefined entries (blocks already dropped)', () => {
  assert.deepEqual(findNearDuplicates([undefined, P1, undefined, P1 + ' ']).map((m) => [m.index, m.of]), [[3, 1]]);
});

/** The plain definition: string shingles, every earlier first copy that shares one scored (the implementation before issue 2's speed-up). */
function referenceNearDuplicates(texts: readonly (string | undefined)[], options: Partial<DuplicateOptions> = {}): DuplicateMatch[] {
  const opts = { ...DUPLICATE_DEFAULTS, ...options };
  const sets = texts.map((t) => {
    if (t === undefined || (opts.keepQuestions && isQuestion(t))) return undefined;
    const words = normalizedWords(t);
    return words.length >= opts.minWords ? wordShingles(words, opts.shingleSize) : undefined;
  });
  const matches: DuplicateMatch[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < sets.length; i++) {
    const own = sets[i];
    if (!own || own.size === 0) continue;
    let best: DuplicateMatch | undefined;
    for (const j of firsts) {
      const other = sets[j]!;
      let inter = 0;
      for (const s of own) if (other.has(s)) inter++;
      if (inter === 0) continue;
      const jac = inter / (own.size + other.size - inter);
      const con = inter / own.size;
      const contained = con >= opts.containment && own.size >= opts.containmentMinRatio * other.size;
      if (jac < opts.jaccard && !contained) continue;
      if (!best || jac > best.jaccard || (jac === best.jaccard && j < best.of)) best = { index: i, of: j, jaccard: jac, containment: con };
    }
    if (best) matches.push(best);
    else firsts.push(i);
  }
  if (opts.templateCopies > 0) {
    const copies = new Map<number, number>();
    for (const m of matches) copies.set(m.of, (copies.get(m.of) ?? 1) + 1);
    return matches.filter((m) => (copies.get(m.of) ?? 0) < opts.templateCopies);
  }
  return matches;
}

test('findNearDuplicates with numeric shingles and rare-shingle candidates finds exactly what pairwise scoring finds (issue 2)', () => {
  let seed = 11;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  // Mixed case, apostrophes, curly quotes and NFKC-folded forms: the ASCII fast path and the Unicode path must agree.
  const vocab = "the of and to in a said on talks minister trade border fund aid deal vote army port rain court The TRADE don't don’t état ÉTAT Ｔｏｋｙｏ tokyo talks' 'quoted x'y'z 2024 -- ,".split(' ');
  const paragraph = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' ');
  const edit = (p: string) => {
    const w = p.split(' ');
    const kind = rnd();
    if (kind < 0.3) w.splice(Math.floor(rnd() * w.length), 1);
    else if (kind < 0.6) w.splice(Math.floor(rnd() * w.length), 0, vocab[Math.floor(rnd() * vocab.length)]);
    else if (kind < 0.8) w.length = Math.max(1, Math.floor(w.length * (0.5 + rnd() * 0.4)));
    else w[Math.floor(rnd() * w.length)] = 'changed';
    return w.join(' ');
  };
  const settings: Partial<DuplicateOptions>[] = [
    {},
    { shingleSize: 1 },
    { shingleSize: 3, minWords: 2 },
    { shingleSize: 5, minWords: 3 },
    { jaccard: 0.3, containment: 0.5, containmentMinRatio: 0.2 },
    { jaccard: 1, containment: 1, templateCopies: 0 },
    { keepQuestions: false, templateCopies: 2 },
  ];
  for (let doc = 0; doc < 300; doc++) {
    const texts: (string | undefined)[] = [];
    const count = 2 + Math.floor(rnd() * 25);
    for (let i = 0; i < count; i++) {
      const r = rnd();
      if (r < 0.05) texts.push(undefined);
      else if (r < 0.4 && texts.some((t) => t !== undefined)) {
        const earlier = texts.filter((t): t is string => t !== undefined);
        texts.push(edit(earlier[Math.floor(rnd() * earlier.length)]));
      } else texts.push(paragraph(1 + Math.floor(rnd() * 40)) + (rnd() < 0.05 ? '?' : '.'));
    }
    for (const s of settings) assert.deepEqual(findNearDuplicates(texts, s), referenceNearDuplicates(texts, s), `doc ${doc} ${JSON.stringify(s)}`);
  }
});

test('shingleIdSets gives sets of the same sizes and overlaps as wordShingles', () => {
  const lists = [['a', 'b', 'c'], undefined, ['b', 'c', 'a', 'b'], ['a', 'b'], ['x'], ['a', 'b', 'c', 'a', 'b', 'c']];
  for (const k of [1, 2, 3, 4]) {
    const ids = shingleIdSets(lists, k);
    const strings = lists.map((l) => (l ? wordShingles(l, k) : undefined));
    lists.forEach((l, i) => {
      if (!l) return assert.equal(ids[i], undefined);
      assert.equal(ids[i]!.length, strings[i]!.size);
      assert.deepEqual([...ids[i]!], [...ids[i]!].sort((a, b) => a - b));
      lists.forEach((m, j) => {
        if (!m) return;
        const shared = [...ids[i]!].filter((x) => ids[j]!.includes(x)).length;
        assert.equal(shared, [...strings[i]!].filter((x) => strings[j]!.has(x)).length, `k=${k} lists ${i} and ${j}`);
      });
    });
  }
  assert.throws(() => shingleIdSets([['a']], 0), RangeError);
});
