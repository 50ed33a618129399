import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadCameo } from '../../../src/code/cameo.js';
import { loadLexicon, parseLexiconFile, readLexiconDir } from '../../../src/code/lexicon.js';
import { codeDoc } from '../../../src/code/stage.js';
import { isParleyError } from '../../../src/errors.js';
import { actorDoc } from './mini-actors.js';

const cameo = loadCameo();

function problemsOf(yamlText: string): string[] {
  const r = parseLexiconFile('x.yaml', parse(yamlText, { schema: 'failsafe' }), cameo);
  return r.problems.map((p) => `${p.where}: ${p.why}`);
}

const GOOD = `
root: "04"
patterns:
  - id: test.meet
    code: 040
    verb: [meet]
    target: [object]
    symmetric: true
    example: "Kenya met Uganda."
    expect: [KEN>UGA 040, UGA>KEN 040]
`;

test('lexicon reads codes as text: an unquoted 040 stays "040"', () => {
  const r = parseLexiconFile('x.yaml', parse(GOOD, { schema: 'failsafe' }), cameo);
  assert.deepEqual(r.problems, []);
  assert.equal(r.patterns[0].code, '040');
  assert.equal(r.patterns[0].symmetric, true);
  assert.deepEqual(r.patterns[0].examples[0].expect[1], { source: 'UGA', target: 'KEN', code: '040' });
});

test('lexicon reports an unknown key with the entry id', () => {
  const p = problemsOf(GOOD.replace('verb: [meet]', 'verbs: [meet]'));
  assert.ok(p.some((x) => x.startsWith("pattern 'test.meet'") && x.includes("unknown key 'verbs'")), p.join('\n'));
  assert.ok(p.some((x) => x.includes("exactly one of 'verb' or 'noun'")), p.join('\n'));
});

test('lexicon reports a code that is not CAMEO or not under the file root', () => {
  assert.ok(problemsOf(GOOD.replace('code: 040', 'code: 049')).some((x) => x.includes("'code' must be")));
  assert.ok(problemsOf(GOOD.replace('code: 040', 'code: 111')).some((x) => x.includes('not under this file')));
});

test('lexicon requires an example that expects events, in the SRC>TGT CODE form', () => {
  assert.ok(problemsOf(GOOD.replace(/    example.*\n    expect.*\n/, '')).some((x) => x.includes("'example' is missing")));
  assert.ok(problemsOf(GOOD.replace('[KEN>UGA 040, UGA>KEN 040]', '[]')).some((x) => x.includes('at least one event')));
  assert.ok(problemsOf(GOOD.replace('KEN>UGA 040', 'KEN to UGA')).some((x) => x.includes('"SRC>TGT CODE"')));
});

test('lexicon reports bad target slots and bad booleans', () => {
  assert.ok(problemsOf(GOOD.replace('target: [object]', 'target: [between]')).some((x) => x.includes("'target' has 'between'")));
  assert.ok(problemsOf(GOOD.replace('symmetric: true', 'symmetric: yes')).some((x) => x.includes("'symmetric' must be true or false")));
});

test('lexicon loadLexicon throws PARLEY_LEXICON_INVALID naming file, entry and problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lex-'));
  writeFileSync(join(dir, '04-a.yaml'), GOOD);
  writeFileSync(join(dir, '04-b.yaml'), GOOD.replace('verb: [meet]', 'verb: [meet]\n    colour: blue'));
  assert.throws(
    () => loadLexicon(dir, cameo),
    (e: unknown) =>
      isParleyError(e) &&
      e.code === 'PARLEY_LEXICON_INVALID' &&
      e.message.includes('04-b.yaml') &&
      e.message.includes("pattern 'test.meet'") &&
      e.message.includes("unknown key 'colour'"),
  );
});

test('lexicon rejects a pattern id used twice across files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lex-'));
  writeFileSync(join(dir, '04-a.yaml'), GOOD);
  writeFileSync(join(dir, '04-b.yaml'), GOOD);
  const r = readLexiconDir(dir, cameo);
  assert.ok(r.problems.some((p) => p.file === '04-b.yaml' && p.why.includes('already used in 04-a.yaml')));
});

test('lexicon reports a file that is not valid YAML', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lex-'));
  writeFileSync(join(dir, '01-x.yaml'), 'patterns: [\n  - id: a');
  const r = readLexiconDir(dir, cameo);
  assert.ok(r.problems.some((p) => p.file === '01-x.yaml' && p.why.startsWith('not valid YAML')));
});

test('lexicon pattern added by an analyst codes events without code changes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lex-'));
  writeFileSync(
    join(dir, '05-new.yaml'),
    `root: "05"
patterns:
  - id: analyst.salute
    code: "051"
    verb: [toast]
    target: [object]
    example: "Japan toasted Vietnam at the banquet."
    expect: [JPN>VNM 051]
`,
  );
  const lexicon = loadLexicon(dir, cameo);
  const events = codeDoc(actorDoc('Japan toasted Vietnam at the banquet.'), cameo, lexicon);
  assert.deepEqual(events.map((e) => [e.source.code, e.target.code, e.cameo.code]), [['JPN', 'VNM', '051']]);
});

test('lexicon shipped files cover all 20 CAMEO roots', () => {
  const lexicon = loadLexicon();
  const roots = new Set(lexicon.patterns.map((p) => cameo.root(p.code)));
  for (let r = 1; r <= 20; r++) assert.ok(roots.has(String(r).padStart(2, '0')), `root ${r} has no pattern`);
  assert.equal(lexicon.files.length, 20);
});

test('lexicon accepts a source slot on noun patterns only', () => {
  assert.ok(problemsOf(GOOD.replace('target: [object]', 'target: [object]\n    source: [prep:in]')).some((x) => x.includes("'source' applies to noun patterns only")));
  const noun = GOOD.replace('verb: [meet]', 'noun: [meeting]').replace('target: [object]', 'target: [prep:with]\n    source: [prep:in]');
  const r = parseLexiconFile('x.yaml', parse(noun, { schema: 'failsafe' }), cameo);
  assert.deepEqual(r.patterns[0]?.source, [{ kind: 'prep', prep: 'in' }]);
});
