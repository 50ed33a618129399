// Tests of overlay validation: every problem is reported as file:line: what is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOverlay, checkOverlay, formatProblem } from '../../../src/actors/kb-overlay.js';
import { loadKb } from '../../../src/actors/kb.js';
import { isParleyError } from '../../../src/errors.js';
import { packageRootOr } from '../../../src/actors/kb-path.js';

const HEADER = 'id,name,aliases,surnames,country,role,title,from,to,acting,source\n';

function withDir(files: Record<string, string>, fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'parley-kb-overlay-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('readOverlay reports missing fields and bad dates with file and line', () => {
  withDir(
    {
      'people.csv':
        HEADER +
        'xx-a,Person A,,,POL,head of state,President,2025-13-01,,,test\n' +
        'xx-b,Person B,,,POL,head of state,President,2025-01-01,2024-01-01,,test\n' +
        'xx-c,Person C,,,POL,head of state,President,2025-01-01,,,\n' +
        ',Person D,,,POL,,,,,,test\n' +
        'xx-e,Person E,,,POL,head of state,President,,,,test\n',
    },
    (dir) => {
      const { problems } = readOverlay(dir);
      const lines = problems.map(formatProblem);
      const file = join(dir, 'people.csv');
      assert.deepEqual(lines, [
        `${file}:2: bad date '2025-13-01' in from (use YYYY-MM-DD)`,
        `${file}:3: to 2024-01-01 is not after from 2025-01-01`,
        `${file}:4: missing source (every overlay row names its source)`,
        `${file}:5: missing id`,
        `${file}:6: missing from date for role 'head of state'`,
      ]);
    },
  );
});

test('checkOverlay reports unknown country codes and overlapping holders', () => {
  withDir(
    {
      'people.csv':
        HEADER +
        'xx-a,Person A,,,POL,head of state,President,2030-01-01,2031-01-01,,test\n' +
        'xx-b,Person B,,,POL,head of state,President,2030-06-01,,,test\n' +
        'xx-c,Person C,,,ZZZ,head of state,President,2030-01-01,,,test\n' +
        'xx-d,Person D,,,POL,deputy head of government,Deputy PM,2030-01-01,,,test\n' +
        'xx-e,Person E,,,POL,deputy head of government,Deputy PM,2030-01-01,,,test\n',
    },
    (dir) => {
      const { overlay, problems } = readOverlay(dir);
      assert.deepEqual(problems, []);
      const found = checkOverlay(overlay, new Set(['POL']), new Set(['GOV'])).map(formatProblem);
      const file = join(dir, 'people.csv');
      assert.equal(found.length, 2);
      assert.equal(found[0], `${file}:4: unknown country code 'ZZZ'`);
      assert.match(found[1], new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: overlapping POL head of state: xx-b and xx-a \\(people.csv:2\\)`));
    },
  );
});

test('readOverlay checks organisation, group and country rows', () => {
  withDir(
    {
      'orgs.csv': 'code,kind,parent,name,acronyms,aliases,qid,sector,source\nXYZ,club,,X,,,,,test\nABC,body,,A body,,,,,test\n',
      'groups.csv': 'code,name,aliases,country,sector,source\nGRP,Group,,POL,rebel,test\n',
      'countries.csv': 'code,field,value,sector,source\nPOL,building,Belweder,,test\nPOL,prefix,Polono,,test\n',
    },
    (dir) => {
      const whys = readOverlay(dir).problems.map((p) => `${p.line}: ${p.why}`);
      assert.deepEqual(whys, [
        '2: a building needs a sector (GOV, MIL, LEG …)',
        "3: a prefix ends with '-' ('Polono')",
        "2: bad kind 'club' (igo or body)",
        '3: a body needs a parent organisation',
        "2: bad sector 'rebel'",
      ]);
    },
  );
});

test('the shipped overlay has no problems', () => {
  const { problems } = readOverlay(join(packageRootOr(process.cwd()), 'data', 'overlay'));
  assert.deepEqual(problems.map(formatProblem), []);
});

test('loadKb merges a user overlay whose roles win for the dates they cover', () => {
  withDir(
    {
      'mine.csv':
        HEADER +
        'pol-test-person,Testina Testowska,,Testowska,POL,head of state,President,2026-03-01,,,a test row\n' +
        'pol-karol-nawrocki,Karol Nawrocki,,,POL,head of state,President,2025-08-06,2026-03-01,,a test row\n',
    },
    (dir) => {
      const kb = loadKb(undefined, { overlay: join(dir, 'mine.csv') });
      assert.equal(kb.officeHolder('POL', 'head of state', '2026-06-01')?.name, 'Testina Testowska');
      assert.equal(kb.officeHolder('POL', 'head of state', '2025-09-01')?.name, 'Karol Nawrocki');
      assert.equal(kb.resolvePersonName('Testowska', '2026-06-01')?.id, 'pol-test-person');
      assert.equal(kb.lookupPhrase('the Polish president', '2026-06-01')?.person?.id, 'pol-test-person');
    },
  );
});

test('loadKb refuses a user overlay with bad rows and names file and line', () => {
  withDir({ 'bad.csv': HEADER + 'x,Someone,,,QQQ,head of state,President,2026-01-01,,,test\n' }, (dir) => {
    assert.throws(
      () => loadKb(undefined, { overlay: join(dir, 'bad.csv') }),
      (err: unknown) => isParleyError(err) && err.code === 'PARLEY_KB_BAD_OVERLAY' && err.message.includes(`${join(dir, 'bad.csv')}:2: unknown country code 'QQQ'`),
    );
  });
});
