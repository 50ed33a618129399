/**
 * The hand-kept overlay (`data/overlay/*.csv`): corrections, changes after the sources end,
 * acting office holders, armed groups, organisations, extra names and ambiguity marks.
 *
 * Every row names its source (a `source` column). Reading returns the rows and a list of problems
 * (`file:line: what is wrong`) instead of throwing; the build refuses to run while there are any.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isIsoDate, parseCsv, splitList, type CsvRow } from './kb-build-io.js';

export interface OverlayProblem {
  file: string;
  line: number;
  why: string;
}

/** Format a problem as `file:line: why`. */
export function formatProblem(p: OverlayProblem): string {
  return `${p.file}:${p.line}: ${p.why}`;
}

interface At {
  file: string;
  line: number;
  source: string;
}

export interface CountryRow extends At {
  code: string;
  field: CountryField;
  value: string;
  sector: string | null;
}
export type CountryField = 'name' | 'alt' | 'abbrev' | 'demonym' | 'plural' | 'prefix' | 'capital' | 'seat' | 'building' | 'city' | 'code';
const COUNTRY_FIELDS: CountryField[] = ['name', 'alt', 'abbrev', 'demonym', 'plural', 'prefix', 'capital', 'seat', 'building', 'city', 'code'];

export interface AmbiguityRow extends At {
  form: string;
  kind: string | null;
  reasons: string[];
  caseRule: 'exact' | 'upper' | null;
}

export interface OrgRow extends At {
  code: string;
  kind: 'igo' | 'body';
  parent: string | null;
  name: string;
  acronyms: string[];
  aliases: string[];
  qid: string | null;
  sector: string | null;
}

export interface GroupRow extends At {
  code: string;
  name: string;
  aliases: string[];
  country: string | null;
  sector: string;
}

export interface PersonRow extends At {
  id: string;
  name: string;
  aliases: string[];
  surnames: string[];
  country: string;
  role: string | null;
  title: string | null;
  from: string | null;
  to: string | null;
  acting: boolean;
}

export interface RoleNounRow extends At {
  noun: string;
  role: string | null;
  sector: string;
  country: string | null;
}

export interface SectorNounRow extends At {
  noun: string;
  sector: string;
}

export interface SectorRow extends At {
  code: string;
  label: string;
}

export interface Overlay {
  countries: CountryRow[];
  ambiguous: AmbiguityRow[];
  orgs: OrgRow[];
  groups: GroupRow[];
  people: PersonRow[];
  roleNouns: RoleNounRow[];
  sectorNouns: SectorNounRow[];
  sectors: SectorRow[];
}

/** Roles that more than one person may hold at once (others are checked for overlaps). */
export const MULTI_HOLDER_ROLES = new Set(['deputy head of state', 'deputy head of government', 'representative of head of state']);

const CODE = /^[A-Z][A-Z0-9]{1,15}$/;
const SECTOR = /^[A-Z]{3}([A-Z]{3})*$/;
const QID = /^Q\d+$/;

/** The file names the overlay reads, in order. */
export const OVERLAY_FILES = [
  'countries.csv',
  'ambiguous.csv',
  'orgs.csv',
  'groups.csv',
  'people.csv',
  'role-nouns.csv',
  'sector-nouns.csv',
  'sectors.csv',
] as const;

function emptyOverlay(): Overlay {
  return { countries: [], ambiguous: [], orgs: [], groups: [], people: [], roleNouns: [], sectorNouns: [], sectors: [] };
}

/** Read every overlay file present in `dir`; missing files count as empty. */
export function readOverlay(dir: string): { overlay: Overlay; problems: OverlayProblem[] } {
  const overlay = emptyOverlay();
  const problems: OverlayProblem[] = [];
  for (const name of OVERLAY_FILES) {
    const path = join(dir, name);
    if (!existsSync(path)) continue;
    readOverlayFile(path, name, overlay, problems);
  }
  return { overlay, problems };
}

/**
 * Read one overlay file into `overlay` (the kind is chosen by the file name, e.g. `people.csv`;
 * a user file with another name is read as people rows).
 */
export function readOverlayFile(path: string, kind: string, overlay: Overlay, problems: OverlayProblem[]): void {
  const file = path;
  let rows: CsvRow[];
  try {
    rows = parseCsv(readFileSync(path, 'utf8'));
  } catch (err) {
    problems.push({ file, line: 1, why: `not valid CSV (${(err as Error).message})` });
    return;
  }
  const k = OVERLAY_FILES.includes(kind as (typeof OVERLAY_FILES)[number]) ? kind : 'people.csv';
  for (const row of rows) {
    const v = row.values;
    const at = { file, line: row.line, source: v.source ?? '' };
    const bad = (why: string) => problems.push({ file, line: row.line, why });
    if (!at.source) {
      bad('missing source (every overlay row names its source)');
      continue;
    }
    switch (k) {
      case 'countries.csv': {
        const field = v.field as CountryField;
        if (!CODE.test(v.code ?? '')) bad(`bad country code '${v.code ?? ''}'`);
        else if (!COUNTRY_FIELDS.includes(field)) bad(`unknown field '${v.field ?? ''}' (one of ${COUNTRY_FIELDS.join(', ')})`);
        else if (!v.value) bad('missing value');
        else if (field === 'building' && !SECTOR.test(v.sector ?? '')) bad('a building needs a sector (GOV, MIL, LEG …)');
        else if (field === 'prefix' && !v.value.endsWith('-')) bad(`a prefix ends with '-' ('${v.value}')`);
        else overlay.countries.push({ ...at, code: v.code, field, value: v.value, sector: v.sector || null });
        break;
      }
      case 'ambiguous.csv': {
        const reasons = splitList(v.reasons);
        const caseRule = v.case === 'exact' || v.case === 'upper' ? v.case : null;
        if (!v.form) bad('missing form');
        else if (v.case && !caseRule) bad(`bad case '${v.case}' (exact or upper)`);
        else if (reasons.length === 0 && !caseRule) bad('give reasons or a case rule');
        else overlay.ambiguous.push({ ...at, form: v.form, kind: v.kind || null, reasons, caseRule });
        break;
      }
      case 'orgs.csv': {
        if (!CODE.test(v.code ?? '')) bad(`bad organisation code '${v.code ?? ''}'`);
        else if (v.kind !== 'igo' && v.kind !== 'body') bad(`bad kind '${v.kind ?? ''}' (igo or body)`);
        else if (!v.name) bad('missing name');
        else if (v.kind === 'body' && !v.parent) bad('a body needs a parent organisation');
        else if (v.qid && !QID.test(v.qid)) bad(`bad Wikidata id '${v.qid}'`);
        else if (v.sector && !SECTOR.test(v.sector)) bad(`bad sector '${v.sector}'`);
        else
          overlay.orgs.push({
            ...at,
            code: v.code,
            kind: v.kind,
            parent: v.parent || null,
            name: v.name,
            acronyms: splitList(v.acronyms),
            aliases: splitList(v.aliases),
            qid: v.qid || null,
            sector: v.sector || null,
          });
        break;
      }
      case 'groups.csv': {
        if (!CODE.test(v.code ?? '')) bad(`bad group code '${v.code ?? ''}'`);
        else if (!v.name) bad('missing name');
        else if (!SECTOR.test(v.sector ?? '')) bad(`bad sector '${v.sector ?? ''}'`);
        else if (v.country && !CODE.test(v.country)) bad(`bad country code '${v.country}'`);
        else
          overlay.groups.push({
            ...at,
            code: v.code,
            name: v.name,
            aliases: splitList(v.aliases),
            country: v.country || null,
            sector: v.sector,
          });
        break;
      }
      case 'people.csv': {
        const role = v.role || null;
        if (!v.id) bad('missing id');
        else if (!v.name) bad('missing name');
        else if (!CODE.test(v.country ?? '')) bad(`bad country code '${v.country ?? ''}'`);
        else if (role && !v.from) bad(`missing from date for role '${role}'`);
        else if (v.from && !isIsoDate(v.from)) bad(`bad date '${v.from}' in from (use YYYY-MM-DD)`);
        else if (v.to && !isIsoDate(v.to)) bad(`bad date '${v.to}' in to (use YYYY-MM-DD)`);
        else if (v.from && v.to && v.to <= v.from) bad(`to ${v.to} is not after from ${v.from}`);
        else if (!role && (v.from || v.to || v.title)) bad('dates or a title without a role');
        else if (v.acting && v.acting !== 'yes' && v.acting !== 'no') bad(`bad acting '${v.acting}' (yes, no or empty)`);
        else
          overlay.people.push({
            ...at,
            id: v.id,
            name: v.name,
            aliases: splitList(v.aliases),
            surnames: splitList(v.surnames),
            country: v.country,
            role,
            title: v.title || null,
            from: v.from || null,
            to: v.to || null,
            acting: v.acting === 'yes',
          });
        break;
      }
      case 'role-nouns.csv': {
        if (!v.noun) bad('missing noun');
        else if (!SECTOR.test(v.sector ?? '')) bad(`bad sector '${v.sector ?? ''}'`);
        else if (v.country && !CODE.test(v.country)) bad(`bad country code '${v.country}'`);
        else if (v.country && !v.role) bad('a country-specific row needs a role');
        else overlay.roleNouns.push({ ...at, noun: v.noun, role: v.role || null, sector: v.sector, country: v.country || null });
        break;
      }
      case 'sector-nouns.csv': {
        if (!v.noun) bad('missing noun');
        else if (!SECTOR.test(v.sector ?? '')) bad(`bad sector '${v.sector ?? ''}'`);
        else overlay.sectorNouns.push({ ...at, noun: v.noun, sector: v.sector });
        break;
      }
      case 'sectors.csv': {
        if (!/^[A-Z]{3}$/.test(v.code ?? '')) bad(`bad sector code '${v.code ?? ''}'`);
        else if (!v.label) bad('missing label');
        else overlay.sectors.push({ ...at, code: v.code, label: v.label });
        break;
      }
    }
  }
}

/**
 * Check the overlay's references and dated roles: unknown country/organisation/group codes,
 * unknown sectors, and overlapping holders of one office in the overlay itself.
 */
export function checkOverlay(overlay: Overlay, knownCodes: Set<string>, sectors: Set<string>): OverlayProblem[] {
  const problems: OverlayProblem[] = [];
  const unknown = (at: At, code: string) => problems.push({ file: at.file, line: at.line, why: `unknown country code '${code}'` });
  const sectorOk = (s: string) => sectors.has(s.slice(0, 3));
  for (const r of overlay.countries) {
    if (!knownCodes.has(r.code)) unknown(r, r.code);
    if (r.sector && !sectorOk(r.sector)) problems.push({ file: r.file, line: r.line, why: `unknown sector '${r.sector}'` });
  }
  for (const r of overlay.orgs) if (r.parent && !knownCodes.has(r.parent)) unknown(r, r.parent);
  for (const r of overlay.groups) if (r.country && !knownCodes.has(r.country)) unknown(r, r.country);
  for (const r of overlay.roleNouns) if (r.country && !knownCodes.has(r.country)) unknown(r, r.country);
  for (const r of overlay.sectorNouns)
    if (!sectorOk(r.sector)) problems.push({ file: r.file, line: r.line, why: `unknown sector '${r.sector}'` });
  for (const r of overlay.people) if (!knownCodes.has(r.country)) unknown(r, r.country);
  problems.push(...overlappingRoles(overlay.people));
  return problems;
}

/** Overlay rows that give one office to two people (or twice to one person) at the same time. */
export function overlappingRoles(rows: PersonRow[]): OverlayProblem[] {
  const problems: OverlayProblem[] = [];
  const byOffice = new Map<string, PersonRow[]>();
  for (const r of rows) {
    if (!r.role || MULTI_HOLDER_ROLES.has(r.role)) continue;
    const key = `${r.country}\u0000${r.role}`;
    const list = byOffice.get(key) ?? [];
    list.push(r);
    byOffice.set(key, list);
  }
  for (const list of byOffice.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = list[j];
        const b = list[i];
        const overlap = (a.from ?? '') < (b.to ?? '9999') && (b.from ?? '') < (a.to ?? '9999');
        if (!overlap) continue;
        const who = a.id === b.id ? `${b.id} twice` : `${b.id} and ${a.id}`;
        problems.push({
          file: b.file,
          line: b.line,
          why: `overlapping ${b.country} ${b.role}: ${who} (${basename(a.file)}:${a.line}) hold it at the same time`,
        });
      }
    }
  }
  return problems;
}
