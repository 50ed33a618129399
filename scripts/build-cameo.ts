/**
 * Builds `data/cameo.json`, the CAMEO event-code table parley ships, from the reference tables in
 * `../shared/anchors/cameo-plover/`. Deterministic: the same inputs give byte-identical output.
 *
 * What each field comes from (and the choices made where the sources disagree) is written into the
 * output itself (`sources`, `decisions`) so that a reader of the JSON need not read this script.
 *
 *   npx tsx scripts/build-cameo.ts [sharedDir] [outFile]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CameoEntry {
  code: string;
  label: string;
  root: string;
  /** 1 = root (two digits), 2 = three digits, 3 = four digits. */
  level: number;
  /** GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
  quad: 1 | 2 | 3 | 4;
  goldstein: number;
  plover: { event: string | null; mode: string | null; context: string | null };
  /** GDELT's label when parley's label differs from it (see `decisions`). */
  labelGdelt?: string;
}

export interface CameoFile {
  name: string;
  version: number;
  sources: Record<string, string>;
  decisions: string[];
  quadClasses: Record<string, string>;
  codes: CameoEntry[];
}

const DIR = 'anchors/cameo-plover';

/** GDELT QuadClass by root, from the section headers of GDELT's CAMEO.eventcodes lookup. */
export function quadOfRoot(root: string): 1 | 2 | 3 | 4 {
  const r = Number(root);
  if (r >= 1 && r <= 5) return 1;
  if (r >= 6 && r <= 9) return 2;
  if (r >= 10 && r <= 14) return 3;
  if (r >= 15 && r <= 20) return 4;
  throw new Error(`not a CAMEO root: ${root}`);
}

/**
 * Codes whose GDELT lookup label means something else than the CAMEO codebook's label for the same
 * code. parley's lexicon and the PLOVER mapping follow the codebook, so the codebook label is used.
 */
const CODEBOOK_LABEL_CODES = ['101', '105', '106', '107', '108'];

/** PLOVER choices that differ from CAMEO2PLOVER-2021, each with its reason (copied into `decisions`). */
const PLOVER_OVERRIDES: Record<string, { event: string; mode: string | null; why: string }> = {
  '08': { event: 'CONCEDE', mode: null, why: 'root 08 YIELD is split in PLOVER; the root itself (080 Yield) maps to CONCEDE' },
  '163': {
    event: 'SANCTION',
    mode: 'discontinue',
    why: 'PLOVER manual 2.0 codes international sanctions as SANCTION/discontinue; CAMEO2PLOVER-2021 had COERCE/restrict',
  },
  '116': {
    event: 'SANCTION',
    mode: 'convict',
    why: 'PLOVER manual 2.0 codes legal findings of guilt as SANCTION/convict; CAMEO2PLOVER-2021 had ACCUSE/disapprove',
  },
  '195': { event: 'ASSAULT', mode: 'aerial', why: "PLOVER manual 2.0 has an 'aerial' ASSAULT mode; CAMEO2PLOVER-2021 had heavy-weapons" },
};

function readTsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
}

interface PloverRow {
  event: string | null;
  mode: string | null;
  context: string | null;
}

/** Parse `code: EVENT, mode, context # label` lines; the first row for a code wins. */
function readCameo2Plover(file: string): Map<string, PloverRow> {
  const out = new Map<string, PloverRow>();
  for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.split('#')[0].trim();
    if (!line || line.startsWith('~')) continue;
    const m = /^(\d{2,4}):\s*(.*)$/.exec(line);
    if (!m) continue;
    const [event, mode, context] = m[2].split(',').map((s) => s.trim());
    if (out.has(m[1])) continue;
    out.set(m[1], { event: event || null, mode: mode || null, context: context || null });
  }
  return out;
}

/** Codebook labels (`LABEL: 101= Demand material cooperation`), first label per code. */
function readCodebookLabels(file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^LABEL:\s*(\d{3,4})=\s*(.+)$/.exec(line.trim());
    if (m && !out.has(m[1])) out.set(m[1], m[2].trim());
  }
  return out;
}

/** Build the table from the shared anchor files (pure; no writing). */
export function buildCameoTable(sharedDir: string): CameoFile {
  const dir = join(sharedDir, DIR);
  const labels = readTsv(join(dir, 'cameo_eventcodes.gdelt-lookup.tsv'));
  const goldstein = new Map(readTsv(join(dir, 'cameo_goldstein.gdelt-lookup.tsv')).map(([c, g]) => [c, Number(g)]));
  const plover = readCameo2Plover(join(dir, 'CAMEO2PLOVER-2021.txt'));
  const codebook = readCodebookLabels(join(dir, 'CAMEO_codefile.text_to_CAMEO.txt'));
  const decisions = [
    'Code list, labels and Goldstein values: GDELT lookups (311 codes). Codes found only in the Phoenix Goldstein table or in CAMEO2PLOVER-2021 (0110, 0357, 109, 1213, 1214, 1641-1643) are left out.',
    `Labels of ${CODEBOOK_LABEL_CODES.join(', ')} follow the CAMEO codebook (0.7b5), whose meaning the PLOVER table and parley's lexicon use; GDELT's lookup label is kept as labelGdelt.`,
    'Goldstein: GDELT CAMEO.goldsteinscale.txt wherever it and the Phoenix table disagree (016, 022, 124, 1246, 163, 165, 166).',
    'QuadClass: GDELT 1-4 scheme by root (01-05 verbal cooperation, 06-09 material cooperation, 10-14 verbal conflict, 15-20 material conflict), not the Phoenix 0-4 scheme.',
    'PLOVER event/mode/context: CAMEO2PLOVER-2021 (PLOVER manual Draft 0.8). Roots 01 and 02 are dropped by PLOVER: event null.',
    'Codes without a row in CAMEO2PLOVER-2021 take their root\'s PLOVER event with no mode (PLOVER manual note 2: reduce to the cue category).',
    "Root 20 maps to ASSAULT as in CAMEO2PLOVER-2021 (the manual's translation table says FIGHT, which is no longer a PLOVER type).",
    ...Object.entries(PLOVER_OVERRIDES).map(([c, o]) => `${c}: PLOVER ${o.event}${o.mode ? '/' + o.mode : ''} (${o.why}).`),
  ];
  const codes: CameoEntry[] = [];
  for (const [code, gdeltLabel] of labels) {
    const root = code.slice(0, 2);
    const g = goldstein.get(code);
    if (g === undefined || Number.isNaN(g)) throw new Error(`no Goldstein value for ${code}`);
    let label = gdeltLabel.trim().replace(/^"(.*)"$/, '$1').replace(/""/g, '"').replace(/\s+/g, ' ');
    let labelGdelt: string | undefined;
    if (CODEBOOK_LABEL_CODES.includes(code)) {
      const cb = codebook.get(code);
      if (!cb) throw new Error(`no codebook label for ${code}`);
      labelGdelt = label;
      label = cb;
    }
    const own = plover.get(code);
    const rootRow = plover.get(root);
    let p: PloverRow = { event: null, mode: null, context: null };
    if (root !== '01' && root !== '02') {
      if (own?.event) p = own;
      else if (rootRow?.event) p = { event: rootRow.event, mode: null, context: null };
    }
    const override = PLOVER_OVERRIDES[code];
    if (override) p = { event: override.event, mode: override.mode, context: p.context };
    codes.push({
      code,
      label,
      root,
      level: code.length - 1,
      quad: quadOfRoot(root),
      goldstein: g,
      plover: { event: p.event, mode: p.mode, context: p.context },
      ...(labelGdelt ? { labelGdelt } : {}),
    });
  }
  codes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return {
    name: 'parley CAMEO table',
    version: 1,
    sources: {
      labels: 'GDELT CAMEO.eventcodes.txt lookup (copy in AlifCor/media-focus @ a7e3917c), CAMEO 1.1b3 code list',
      goldstein: 'GDELT CAMEO.goldsteinscale.txt (copy in mpiccirilli/UNDP-BCPR-Project @ 08d29bb4); free with attribution to the GDELT Project',
      quad: 'GDELT QuadClass (section headers of the GDELT CAMEO.eventcodes lookup)',
      plover: 'CAMEO2PLOVER-2021.txt, PLOVER manual Draft 0.8, 17-September-2021 (openeventdata/PLOVER @ 5e0c24fb), CC BY-SA 4.0',
      codebook: 'CAMEO codebook 0.7b5 labels (openeventdata/text_to_CAMEO @ 6d7b3abe), MIT',
    },
    decisions,
    quadClasses: { '1': 'Verbal Cooperation', '2': 'Material Cooperation', '3': 'Verbal Conflict', '4': 'Material Conflict' },
    codes,
  };
}

/** Build the table and write it as JSON (one code per line, so diffs stay readable). */
export function buildCameo(sharedDir: string, outFile: string): CameoFile {
  const table = buildCameoTable(sharedDir);
  const { codes, ...head } = table;
  const headJson = JSON.stringify(head, null, 2);
  const body = codes.map((c) => '    ' + JSON.stringify(c)).join(',\n');
  const json = headJson.slice(0, -2) + ',\n  "codes": [\n' + body + '\n  ]\n}\n';
  JSON.parse(json); // guard against a malformed hand-assembled document
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, json);
  return table;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const shared = resolve(process.argv[2] ?? process.env.PARLEY_SHARED ?? join(root, '..', 'shared'));
  const out = resolve(process.argv[3] ?? join(root, 'data', 'cameo.json'));
  const t = buildCameo(shared, out);
  console.log(`wrote ${out}: ${t.codes.length} codes`);
}
