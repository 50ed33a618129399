import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblem, parseGold, readGold } from '../../../src/eval/gold.js';
import { fixture } from './fixture-path.js';

const fixturePath = () => fixture('gold-mini.jsonl');

test('readGold reads good documents and skips bad lines with file:line problems', () => {
  const gold = readGold(fixturePath());
  assert.deepEqual([...gold.keys()], ['doc-a', 'doc-e']);
  const msgs = gold.problems.map(formatProblem);
  assert.equal(msgs.length, 4);
  assert.match(msgs[0], /gold-mini\.jsonl:2: not valid JSON/);
  assert.match(msgs[1], /gold-mini\.jsonl:3: .*'root' must be a CAMEO root/);
  assert.match(msgs[2], /gold-mini\.jsonl:4: .*missing 'tgt'/);
  assert.match(msgs[3], /gold-mini\.jsonl:6: document id 'doc-a' repeats line 1/);
});

test('readGold keeps every field of a good event', () => {
  const e = readGold(fixturePath()).get('doc-a')!.events[0];
  assert.deepEqual(e, {
    src: 'FRA',
    src_name: 'Foreign Minister',
    tgt: 'DEU',
    tgt_name: null,
    root: '04',
    code: '042',
    alt_roots: [],
    date: '2023-05-02',
    date_basis: 'relative',
    line: 1,
    quote: 'The French minister flew to Berlin on Tuesday',
  });
  assert.deepEqual(readGold(fixturePath()).get('doc-a')!.drop_lines, [3]);
});

test('parseGold derives the root from the code and normalises codes and alternative roots', () => {
  const gold = parseGold('{"id":"x","events":[{"src":"ita","tgt":"ESP","code":"0231","alt_roots":["3","05","02"],"line":2,"quote":"q"}]}\n', 'mem');
  const e = gold.get('x')!.events[0];
  assert.equal(e.src, 'ITA');
  assert.equal(e.root, '02');
  assert.deepEqual(e.alt_roots, ['03', '05']);
  assert.equal(e.date, null);
  assert.equal(e.date_basis, 'unknown');
  assert.deepEqual(gold.problems, []);
});

test('parseGold rejects a code that does not belong to the root', () => {
  const gold = parseGold('{"id":"x","events":[{"src":"A","tgt":"B","root":"04","code":"112"}]}', 'mem');
  assert.equal(gold.size, 0);
  assert.match(formatProblem(gold.problems[0]), /^mem:1: .*does not start with root 04/);
});

test('parseGold accepts numeric ids and an empty events list', () => {
  const gold = parseGold('{"id":17,"events":[]}');
  assert.deepEqual(gold.get('17')?.events, []);
});
