/**
 * The deterministic knowledge-base build: reads `<shared>/kb-data/**` and `data/overlay/*.csv`,
 * writes compact JSON files into `outDir` (countries, orgs, groups, people, sectors, role nouns,
 * the name index and meta). Same inputs give byte-identical output: keys and rows are sorted and
 * nothing depends on the clock or the machine.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Ambiguity, CaseRule, Country, EntryKind, Group, KbMeta, NameIndex, NameRow, Org, Person, RoleName, RoleNoun, Sector, SourceInfo } from './kb-types.js';
import { checkOverlay, formatProblem, readOverlay, type AmbiguityRow, type OverlayProblem } from './kb-overlay.js';
import { buildCountries } from './kb-build-countries.js';
import { buildLexicon } from './kb-build-lexicon.js';
import { buildOrgs } from './kb-build-orgs.js';
import { buildPeople } from './kb-build-people.js';
import { cmp, stableJson } from './kb-build-io.js';
import { isAllCaps, normName } from './kb-normalize.js';
import { ParleyError } from '../errors.js';

/** Version of the files' layout; the loader refuses other versions. */
export const KB_FORMAT = 1;

/** The files `buildKb` writes, in `outDir`. */
export const KB_FILES = ['meta.json', 'countries.json', 'orgs.json', 'groups.json', 'people.json', 'sectors.json', 'role-nouns.json', 'names.json'] as const;

export const SOURCES: SourceInfo[] = [
  { id: 'factbook', name: 'CIA World Factbook (factbook/factbook.json), executive time series', commit: '783ed27f7a1116663c10e7b39d162d0c4500505d', licence: 'public domain / CC0 1.0', coverageEnd: '2026-01-22' },
  { id: 'mledoze', name: 'mledoze/countries', commit: '5e9f370050f83ad2ba4cb885f75d66114badf72c', licence: 'ODbL 1.0', coverageEnd: '2026-04-27' },
  { id: 'countrycode', name: 'vincentarelbundock/countrycode (code pairs only)', commit: '284d6a2f7e49d826e10894227a05d4c857e21540', licence: 'GPL-3 package; codes are facts', coverageEnd: '2026-04-17' },
  { id: 'countryinfo', name: 'openeventdata/CountryInfo (CountryInfo.120116.txt)', commit: '07c9c54888ba1cf8e9bfc2c8fe5cb57887659522', licence: 'CC BY-SA 3.0 (Schrodt 2012)', coverageEnd: '2011-02-28' },
  { id: 'wikidata', name: 'every-politician-scrapers (Wikidata snapshots of leaders and foreign ministers)', commit: '4a3b394d9a35d26d138cded8718d0805b7ce9336', licence: 'CC0 (Wikidata)', coverageEnd: '2023-01-10' },
  { id: 'reign', name: 'REIGN leader list (Bell, Besaw, Frank 2021)', commit: 'd7a8a6f17c951b68e30bbca6185d7acd9089d60b', licence: 'no licence stated; facts used with citation', coverageEnd: '2021-03-01' },
  { id: 'archigos', name: 'Archigos 4.1 (Goemans, Gleditsch, Chiozza 2009)', commit: '23d119a10b997c2d5ddbd6a665dc816146c20db7', licence: 'no licence stated; facts used with citation', coverageEnd: '2015-12-31' },
  { id: 'petrarch2', name: 'openeventdata/petrarch2 dictionaries (agents, country institutions)', commit: '676801cd9cb2924bbbad09f86d15c9323e7097bf', licence: 'MIT', coverageEnd: '2015-12-31' },
  { id: 'supraverden', name: 'confirmordeny/supraverden international organisations', commit: '59ab4fa0f92f3c75bb45e230908e612f15e8dbdf', licence: 'CC BY-SA 4.0', coverageEnd: '2026-06-24' },
  { id: 'cameo', name: 'CAMEO manual v1.1b3 actor codes (via RBozydar/py-gdelt)', commit: '6d1becc2690cabedcf6f651567e77e5a5ad5838c', licence: 'freely distributed manual; cite Schrodt 2012', coverageEnd: null },
  { id: 'overlay', name: 'parley hand-kept overlay (data/overlay)', commit: null, licence: 'MIT (this project)', coverageEnd: null },
];

export interface BuildOptions {
  /** Overlay folder (default: `data/overlay` next to `outDir`'s parent, i.e. `<outDir>/../../overlay` is not assumed: `data/overlay` relative to the working directory). */
  overlayDir?: string;
}

export interface BuildResult {
  outDir: string;
  files: string[];
  counts: Record<string, number>;
  warnings: string[];
}

/**
 * Build the knowledge base from `sharedDir` (the folder that holds `kb-data/`) into `outDir`.
 * Throws `PARLEY_KB_SOURCE_MISSING` when a source is absent and `PARLEY_KB_BAD_OVERLAY` (with every
 * `file:line: problem` in `details.problems`) when an overlay row is wrong; writes nothing then.
 */
export function buildKb(sharedDir: string, outDir: string, options: BuildOptions = {}): BuildResult {
  const shared = resolve(sharedDir);
  if (!existsSync(join(shared, 'kb-data'))) {
    throw new ParleyError('PARLEY_KB_SOURCE_MISSING', { path: join(shared, 'kb-data') });
  }
  const overlayDir = resolve(options.overlayDir ?? join('data', 'overlay'));
  const { overlay, problems } = readOverlay(overlayDir);
  failOn(problems);

  const { countries, extras } = buildCountries(shared, overlay.countries);
  const { sectors, roleNouns } = buildLexicon(shared, overlay);
  const sectorCodes = new Set(sectors.map((s) => s.code));
  const { orgs, groups } = buildOrgs(shared, overlay, countries, sectorCodes);

  const known = new Set<string>();
  for (const c of countries) {
    known.add(c.code);
    for (const a of c.codes ?? []) known.add(a);
  }
  for (const o of orgs) known.add(o.code);
  for (const g of groups) known.add(g.code);
  failOn(checkOverlay(overlay, known, sectorCodes));

  const people = buildPeople(shared, countries, extras, overlay.people);
  for (const c of countries) {
    const off = people.offices.get(c.code);
    if (!off) continue;
    const entries = [...off.entries()].map(([t, set]) => [t, [...set].sort(cmp)] as [string, RoleName[]]).sort((a, b) => cmp(a[0], b[0]));
    c.offices = Object.fromEntries(entries);
  }

  const commonWords = readWordList(join(overlayDir, 'common-words.txt'));
  const names = buildNameIndex({ countries, orgs, groups, people: people.people, sectors, roleNouns }, overlay.ambiguous, commonWords);

  const latest: Record<string, string> = {};
  const coverage = new Map(SOURCES.map((s) => [s.id, s.coverageEnd]));
  for (const p of people.people) {
    for (const r of p.roles) {
      const d = r.to ?? coverage.get(r.source) ?? r.from ?? '';
      if (d && d > (latest[r.source] ?? '')) latest[r.source] = d;
    }
  }
  let aliasCount = 0;
  for (const rows of Object.values(names)) aliasCount += rows.length;
  const counts: Record<string, number> = {
    countries: countries.length,
    orgs: orgs.filter((o) => o.kind === 'igo').length,
    bodies: orgs.filter((o) => o.kind === 'body').length,
    groups: groups.length,
    people: people.people.length,
    roles: people.people.reduce((n, p) => n + p.roles.length, 0),
    sectors: sectors.length,
    roleNouns: roleNouns.length,
    names: Object.keys(names).length,
    aliases: aliasCount,
  };
  const meta: KbMeta = { format: KB_FORMAT, sources: SOURCES, latest: sortObj(latest), counts: sortObj(counts) };

  const out = resolve(outDir);
  mkdirSync(out, { recursive: true });
  const files: Record<(typeof KB_FILES)[number], unknown> = {
    'meta.json': meta,
    'countries.json': countries,
    'orgs.json': orgs,
    'groups.json': groups,
    'people.json': people.people,
    'sectors.json': sectors,
    'role-nouns.json': roleNouns,
    'names.json': names,
  };
  for (const name of KB_FILES) writeFileSync(join(out, name), stableJson(files[name]));
  return { outDir: out, files: KB_FILES.map((f) => join(out, f)), counts, warnings: people.warnings };
}

function failOn(problems: OverlayProblem[]): void {
  if (problems.length === 0) return;
  const first = problems[0];
  throw new ParleyError('PARLEY_KB_BAD_OVERLAY', {
    file: first.file,
    line: first.line,
    why: first.why,
    more: problems.length > 1 ? ` (and ${problems.length - 1} more: ${problems.slice(1).map(formatProblem).join('; ')})` : '',
    problems: problems.map(formatProblem),
  });
}

function sortObj<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort((a, b) => cmp(a[0], b[0])));
}

function readWordList(path: string): Set<string> {
  if (!existsSync(path)) return new Set();
  return new Set(
    readFileSync(path, 'utf8')
      .split('\n')
      .map((l) => l.split('#')[0].trim())
      .filter(Boolean)
      .map(normName),
  );
}

/** The role that says which country a person acts for in general: most roles, independent states first. */
function primaryRole(p: Person, independent: Set<string>): { country: string; sector: string } {
  const n = new Map<string, number>();
  for (const r of p.roles) n.set(r.country, (n.get(r.country) ?? 0) + (independent.has(r.country) ? 1000 : 1));
  const best = [...n.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0][0];
  const role = [...p.roles].reverse().find((r) => r.country === best)!;
  return { country: role.country, sector: role.sector };
}

interface IndexInput {
  countries: Country[];
  orgs: Org[];
  groups: Group[];
  people: Person[];
  sectors: Sector[];
  roleNouns: RoleNoun[];
}

type Draft = { norm: string; row: NameRow };

const CLASS: Record<EntryKind, string> = {
  country: 'place',
  capital: 'place',
  building: 'place',
  demonym: 'place',
  igo: 'org',
  body: 'org',
  group: 'group',
  person: 'person',
  'sector-noun': 'lexicon',
  'role-noun': 'lexicon',
};

/** Build the name index: normalised name → candidate rows, with ambiguity marks and case rules. */
export function buildNameIndex(kb: IndexInput, marks: AmbiguityRow[], commonWords: Set<string>): NameIndex {
  const drafts: Draft[] = [];
  const add = (kind: EntryKind, id: string, form: string, via: string, country: string | null, sector: string | null, role: string | null = null) => {
    const f = form.replace(/^the\s+/i, '').trim();
    const norm = normName(f);
    if (norm.length < 2) return;
    drafts.push({ norm, row: [kind, id, f, via, country, sector, role, null, null] });
  };
  for (const c of kb.countries) {
    add('country', c.code, c.name, 'name', c.code, null);
    if (c.official) add('country', c.code, c.official, 'official', c.code, null);
    for (const n of c.names) {
      if (n === c.name || n === c.official) continue;
      add('country', c.code, n, isAllCaps(n) && n.replace(/\W/g, '').length <= 5 ? 'abbrev' : 'alt', c.code, null);
    }
    for (const d of c.demonyms) add('demonym', c.code, d, 'demonym', c.code, null);
    for (const p of c.prefixes) add('demonym', c.code, p, 'prefix', c.code, null);
    for (const k of c.capitals) add('capital', c.code, k, 'capital', c.code, 'GOV');
    for (const s of c.seats) add('capital', c.code, s, 'seat', c.code, 'GOV');
    for (const b of c.buildings) add('building', c.code, b.name, 'building', c.code, b.sector);
    for (const k of c.places ?? []) add('country', c.code, k, 'place', c.code, null);
  }
  const orgByCode = new Map(kb.orgs.map((o) => [o.code, o]));
  const actsFor = (o: Org): string => {
    let cur: Org | undefined = o;
    for (let i = 0; i < 5 && cur && cur.kind === 'body' && cur.parent; i++) {
      const p = orgByCode.get(cur.parent);
      if (!p) return cur.parent;
      cur = p;
    }
    return cur?.code ?? o.code;
  };
  for (const o of kb.orgs) {
    const kind: EntryKind = o.kind === 'igo' ? 'igo' : 'body';
    const country = actsFor(o);
    for (const n of o.names) add(kind, o.code, n, n === o.name ? 'name' : 'alt', country, o.sector);
    for (const a of o.acronyms) add(kind, o.code, a, 'acronym', country, o.sector);
  }
  for (const g of kb.groups) for (const n of g.names) add('group', g.code, n, n === g.name ? 'name' : 'alt', g.code, g.sector);
  const independent = new Set(kb.countries.filter((c) => c.independent).map((c) => c.code));
  for (const p of kb.people) {
    const main = primaryRole(p, independent);
    for (const a of p.aliases) add('person', p.id, a, 'full', main.country, main.sector);
    for (const s of p.surnames) add('person', p.id, s, 'surname', main.country, main.sector);
  }
  for (const s of kb.sectors) for (const n of s.nouns) add('sector-noun', s.code, n, 'noun', null, s.code);
  for (const r of kb.roleNouns) add('role-noun', normName(r.noun), r.noun, 'noun', null, r.sector, r.role);

  // drop exact duplicates (same kind, id, norm): keep the first, or the better-cased form
  const seen = new Map<string, Draft>();
  const uniq: Draft[] = [];
  for (const d of drafts) {
    const k = `${d.norm}\u0000${d.row[0]}\u0000${d.row[1]}\u0000${d.row[3] === 'surname' ? 's' : 'n'}`;
    const prev = seen.get(k);
    if (prev) continue;
    seen.set(k, d);
    uniq.push(d);
  }

  const byNorm = new Map<string, Draft[]>();
  for (const d of uniq) byNorm.set(d.norm, [...(byNorm.get(d.norm) ?? []), d]);
  const marksByNorm = new Map<string, AmbiguityRow[]>();
  for (const m of marks) marksByNorm.set(normName(m.form.replace(/^the\s+/i, '')), [...(marksByNorm.get(normName(m.form.replace(/^the\s+/i, ''))) ?? []), m]);
  const lexicon = new Set(uniq.filter((d) => CLASS[d.row[0]] === 'lexicon').map((d) => d.norm));

  const index: NameIndex = {};
  for (const norm of [...byNorm.keys()].sort(cmp)) {
    const list = byNorm.get(norm)!;
    const ids = new Map<string, Set<string>>();
    for (const d of list) {
      const cls = CLASS[d.row[0]];
      const key = d.row[0] === 'person' && d.row[3] === 'surname' ? 'surname' : cls;
      ids.set(key, (ids.get(key) ?? new Set()).add(d.row[1]));
    }
    const nonLexClasses = new Set(list.filter((d) => CLASS[d.row[0]] !== 'lexicon').map((d) => CLASS[d.row[0]]));
    for (const d of list) {
      const row = d.row;
      const amb = new Set<Ambiguity>();
      let caseRule: CaseRule | null = null;
      const cls = CLASS[row[0]];
      if (cls !== 'lexicon') {
        if (row[0] === 'person') {
          const others = new Set([...(ids.get('surname') ?? []), ...(ids.get('person') ?? [])]);
          others.delete(row[1]);
          if (others.size > 0) amb.add(row[3] === 'surname' ? 'shared-surname' : 'shared');
        } else if ((ids.get(cls)?.size ?? 0) > 1) amb.add('shared');
        if (nonLexClasses.size > 1) amb.add('shared');
        if (lexicon.has(norm)) amb.add('generic');
        if (!norm.includes(' ') && commonWords.has(norm)) {
          amb.add('common-word');
          caseRule = isAllCaps(row[2]) ? 'exact' : 'upper';
        }
      }
      for (const m of marksByNorm.get(norm) ?? []) {
        if (m.kind && m.kind !== row[0]) continue;
        for (const r of m.reasons) amb.add(r);
        if (m.caseRule) caseRule = m.caseRule;
      }
      if (amb.size) row[8] = [...amb].sort(cmp);
      row[7] = caseRule;
    }
    index[norm] = list
      .map((d) => d.row)
      .sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]) || cmp(a[3], b[3]) || cmp(a[2], b[2]));
  }
  return index;
}
