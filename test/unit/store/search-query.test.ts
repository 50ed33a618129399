import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_QUERY_TERMS, parseSearchQuery } from '../../../src/store/search-query.js';
import { toFts5Query } from '../../../src/store/sqlite/search.js';
import { toTsQuery } from '../../../src/store/postgres/search.js';

const w = (words: string[], more: { prefix?: boolean; exclude?: boolean } = {}) => ({
  words,
  prefix: more.prefix ?? false,
  exclude: more.exclude ?? false,
});

test('parseSearchQuery ANDs words and keeps quoted phrases together', () => {
  assert.deepEqual(parseSearchQuery('border "crossing point" talks'), [
    [w(['border']), w(['crossing', 'point']), w(['talks'])],
  ]);
});

test('parseSearchQuery reads -word as an exclusion and or as an alternative', () => {
  assert.deepEqual(parseSearchQuery('quota OR river -dam'), [[w(['quota'])], [w(['river']), w(['dam'], { exclude: true })]]);
});

test('parseSearchQuery reads word* as a prefix', () => {
  assert.deepEqual(parseSearchQuery('negot*'), [[w(['negot'], { prefix: true })]]);
});

test('parseSearchQuery turns punctuation into word breaks and drops what has no word', () => {
  assert.deepEqual(parseSearchQuery('U.S.-led (talks) !!'), [[w(['U', 'S', 'led']), w(['talks'])]]);
  assert.deepEqual(parseSearchQuery('"" () * - OR'), []);
  assert.deepEqual(parseSearchQuery('"unclosed phrase'), [[w(['unclosed', 'phrase'])]]);
});

test('parseSearchQuery drops a group made only of exclusions', () => {
  assert.deepEqual(parseSearchQuery('-border'), []);
  assert.deepEqual(parseSearchQuery('-border or talks'), [[w(['talks'])]]);
});

test('parseSearchQuery keeps at most MAX_QUERY_TERMS terms', () => {
  const q = parseSearchQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
  assert.equal(q[0].length, MAX_QUERY_TERMS);
});

test('toFts5Query quotes every term so FTS5 operators in input stay words', () => {
  assert.equal(toFts5Query(parseSearchQuery('NEAR AND crossing -river')), '(("NEAR" AND "AND" AND "crossing") NOT "river")');
  assert.equal(toFts5Query(parseSearchQuery('a or b*')), '(("a")) OR (("b"*))');
  assert.equal(toFts5Query(parseSearchQuery('-only')), undefined);
});

test('toTsQuery binds every word as a parameter', () => {
  const q = toTsQuery(parseSearchQuery(`crossing -river or "it's" negot*`), 2);
  assert.ok(q);
  assert.deepEqual(q.params, ['crossing', 'river', 'it s', 'negot']);
  assert.ok(!q.sql.includes('crossing'));
  assert.match(q.sql, /\$2.*\$3.*\$4.*\$5/s);
  assert.equal(toTsQuery([], 2), undefined);
});
