/**
 * The actor knowledge base at run time: loads `data/kb/*.json` once (synchronously) and answers
 * the questions the recogniser asks:
 *
 * - `lookupName(text)`: exact lookup of a folded name (case, diacritics, quotes, periods) → the
 *   candidates (country, capital, building, demonym, igo, body, group, person, sector-noun,
 *   role-noun), each with its original form, ambiguity marks and case rule;
 * - `officeHolder(country, role, date)`, `rolesOf(personId, date)`: dated offices;
 * - `resolvePersonName(name, date, countryHint?)`: the person a full or partial name denotes, or
 *   undefined when unknown or ambiguous (precision first: never a guess);
 * - `lookupPhrase("the Polish president", date)`: role descriptions with a demonym or a country.
 *
 * A user overlay (people rows in the `data/overlay/people.csv` format) can be merged at load; its
 * roles win over the shipped ones for the dates they cover.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
  Country,
  EntryKind,
  Group,
  KbEntry,
  KbMeta,
  NameIndex,
  Org,
  Person,
  PhraseMatch,
  Role,
  RoleName,
  RoleNoun,
  Sector,
} from './kb-types.js';
import { normName, startsUpper } from './kb-normalize.js';
import { formatProblem, readOverlayFile, overlappingRoles, type Overlay, type OverlayProblem } from './kb-overlay.js';
import { ParleyError } from '../errors.js';
import { packageRootOr } from './kb-path.js';

export type { KbEntry, Country, Org, Group, Person, Role, RoleName, Sector, RoleNoun, PhraseMatch } from './kb-types.js';

declare module '../pipeline.js' {
  interface Context {
    /** The actor knowledge base, loaded once per run. */
    kb?: Kb;
  }
}

/** Format version this loader reads. */
const FORMAT = 1;

/** Source priority when two holders of one office overlap (lower wins). */
const SOURCE_RANK: Record<string, number> = {
  'overlay:user': -1,
  overlay: 0,
  factbook: 1,
  wikidata: 2,
  countryinfo: 3,
  archigos: 4,
  reign: 5,
};

const PLACE_KINDS = new Set<EntryKind>(['country', 'demonym', 'capital']);
const ORG_KINDS = new Set<EntryKind>(['igo', 'body', 'group']);
/** Role nouns whose office is only meant where the country's office carries that title. */
const TITLE_NOUNS = new Set(['president', 'presidents', 'prime minister', 'pm', 'premier', 'chancellor', 'king', 'queen', 'emir', 'amir', 'sultan', 'monarch', 'supreme leader']);

interface Holding {
  person: Person;
  role: Role;
}

export interface LoadOptions {
  /** A CSV of people rows (data/overlay/people.csv format) merged on top of the shipped KB. */
  overlay?: string;
}

export interface LookupOptions {
  /** Return candidates whatever their case rule says (default: only those the text's case allows). */
  anyCase?: boolean;
}

/** True when a date lies in the role's half-open [from, to). */
export function roleValidOn(role: Role, date: string): boolean {
  return (role.from === null || role.from <= date) && (role.to === null || date < role.to);
}

/** Whether the original text's case is allowed by the entry's case rule. */
export function caseAllows(entry: KbEntry, text: string): boolean {
  const t = text.replace(/^the\s+/i, '').trim();
  if (entry.case === 'exact') return t === entry.form || t.replace(/\./g, '') === entry.form.replace(/\./g, '');
  if (entry.case === 'upper') return startsUpper(t);
  return true;
}

/** The loaded knowledge base. Build with `loadKb`. */
export class Kb {
  readonly meta: KbMeta;
  readonly dir: string;
  private readonly names = new Map<string, KbEntry[]>();
  private readonly rawNames: NameIndex;
  private readonly countries = new Map<string, Country>();
  private readonly orgs = new Map<string, Org>();
  private readonly groups = new Map<string, Group>();
  private readonly people = new Map<string, Person>();
  private readonly sectors = new Map<string, Sector>();
  private readonly roleNouns = new Map<string, RoleNoun>();
  private readonly offices = new Map<string, Holding[]>();

  /** @internal use `loadKb` */
  constructor(dir: string, data: KbData) {
    this.dir = dir;
    this.meta = data.meta;
    for (const c of data.countries) {
      this.countries.set(c.code, c);
      for (const a of c.codes ?? []) this.countries.set(a, c);
    }
    for (const o of data.orgs) this.orgs.set(o.code, o);
    for (const g of data.groups) this.groups.set(g.code, g);
    for (const s of data.sectors) this.sectors.set(s.code, s);
    for (const r of data.roleNouns) this.roleNouns.set(normName(r.noun), r);
    for (const p of data.people) this.addPerson(p);
    this.rawNames = data.names;
  }

  /** Entries of a normalised key; rows of the stored index become objects on first use. */
  private entries(key: string): KbEntry[] | undefined {
    const done = this.names.get(key);
    if (done) return done;
    if (!Object.prototype.hasOwnProperty.call(this.rawNames, key)) return undefined;
    const rows = this.rawNames[key];
    const list: KbEntry[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      const e: KbEntry = { kind: r[0], id: r[1], form: r[2], via: r[3], country: r[4], sector: r[5] };
      if (r[6] !== null) e.role = r[6];
      if (r[7] !== null) e.case = r[7];
      if (r[8] !== null) e.ambiguous = r[8];
      list[i] = e;
    }
    this.names.set(key, list);
    return list;
  }

  private addPerson(p: Person): void {
    this.people.set(p.id, p);
    for (const role of p.roles) {
      const k = officeKey(role.country, role.role);
      const list = this.offices.get(k);
      if (list) list.push({ person: p, role });
      else this.offices.set(k, [{ person: p, role }]);
    }
  }

  /** Counts of what is loaded. */
  stats(): Record<string, number> {
    let roles = 0;
    for (const p of this.people.values()) roles += p.roles.length;
    let aliases = 0;
    let names = 0;
    for (const key of this.nameKeys()) {
      names++;
      aliases += this.entries(key)!.length;
    }
    return {
      countries: new Set(this.countries.values()).size,
      orgs: this.orgs.size,
      groups: this.groups.size,
      people: this.people.size,
      roles,
      names,
      aliases,
    };
  }

  /**
   * Candidates for a name, looked up by its folded form ("U.S." = "US" = "us"; "Élysée" = "elysee").
   * A leading "the" and a trailing possessive are tried off when the text itself is not known.
   * By default entries whose case rule the text breaks are left out ("us" is not the USA, "turkey"
   * is not Turkey); `{ anyCase: true }` returns them all. Returns [] when nothing matches.
   */
  lookupName(text: string, options: LookupOptions = {}): KbEntry[] {
    const key = normName(text);
    let list = this.entries(key);
    let shown = text;
    if (!list && key.startsWith('the ')) {
      list = this.entries(key.slice(4));
      shown = text.replace(/^\s*the\s+/i, '');
    }
    if (!list) {
      const m = /^(.*?)(?:'s|')$/.exec(key);
      if (m && m[1]) {
        const k2 = m[1].startsWith('the ') ? m[1].slice(4) : m[1];
        list = this.entries(k2);
        shown = text.replace(/^\s*the\s+/i, '').replace(/(['’]s|['’])\s*$/, '');
      }
    }
    if (!list) return [];
    if (options.anyCase) return list.slice();
    return list.filter((e) => caseAllows(e, shown));
  }

  /** Whether a normalised key is in the index (for matchers that probe token n-grams). */
  hasName(text: string): boolean {
    return this.entries(normName(text)) !== undefined;
  }

  /** A country or territory by ISO3 (or an alternative code such as UNK/KSV for Kosovo). */
  country(code: string): Country | undefined {
    return this.countries.get(code);
  }

  /** An organisation or body by code (UNO, EUR, NATO, UNSC, "IRN:revolutionary-guard"…). */
  org(code: string): Org | undefined {
    return this.orgs.get(code);
  }

  /** An armed group or movement by code (HAMAS, HEZBOLLAH…). */
  group(code: string): Group | undefined {
    return this.groups.get(code);
  }

  /** A person by id. */
  person(id: string): Person | undefined {
    return this.people.get(id);
  }

  /** A CAMEO sector (agent code) with its label and nouns. */
  sector(code: string): Sector | undefined {
    return this.sectors.get(code);
  }

  /** A role noun ("prime minister") with its default office and per-country offices. */
  roleNoun(noun: string): RoleNoun | undefined {
    return this.roleNouns.get(normName(noun));
  }

  /** All countries (one record each). */
  allCountries(): Country[] {
    return [...new Set(this.countries.values())];
  }

  /** All people. */
  allPeople(): Person[] {
    return [...this.people.values()];
  }

  /** All organisations and bodies. */
  allOrgs(): Org[] {
    return [...this.orgs.values()];
  }

  /** Every (person, role) of one office, in no particular order. */
  holdings(country: string, role: RoleName): { person: Person; role: Role }[] {
    return (this.offices.get(officeKey(this.canonical(country), role)) ?? []).slice();
  }

  /** Every normalised key of the name index (for checks and tools). */
  nameKeys(): IterableIterator<string> {
    const keys = new Set(Object.keys(this.rawNames));
    for (const k of this.names.keys()) keys.add(k);
    return keys.values();
  }

  /** The index entries of a normalised key. */
  entriesOfKey(key: string): KbEntry[] {
    return this.entries(key) ?? [];
  }

  private canonical(code: string): string {
    return this.countries.get(code)?.code ?? code;
  }

  /** Everyone who held the office on the date (acting holders count), best source first. */
  officeHolders(country: string, role: RoleName, date: string): Person[] {
    const list = this.offices.get(officeKey(this.canonical(country), role));
    if (!list) return [];
    const on = list.filter((h) => roleValidOn(h.role, date));
    on.sort((a, b) => rank(a.role) - rank(b.role) || (b.role.from ?? '').localeCompare(a.role.from ?? ''));
    const out: Person[] = [];
    for (const h of on) if (!out.includes(h.person)) out.push(h.person);
    return out;
  }

  /**
   * Who held the office on the date (acting holders count), or undefined when nobody is known or
   * the best source names two people (co-princes, conflicting data).
   */
  officeHolder(country: string, role: RoleName, date: string): Person | undefined {
    const list = this.offices.get(officeKey(this.canonical(country), role));
    if (!list) return undefined;
    let best: Holding[] = [];
    let bestRank = Infinity;
    for (const h of list) {
      if (!roleValidOn(h.role, date)) continue;
      const r = rank(h.role);
      if (r < bestRank) {
        bestRank = r;
        best = [h];
      } else if (r === bestRank) best.push(h);
    }
    const people = new Set(best.map((h) => h.person));
    return people.size === 1 ? best[0].person : undefined;
  }

  /** The person's roles valid on the date. */
  rolesOf(personId: string, date: string): Role[] {
    const p = this.people.get(personId);
    if (!p) return [];
    return p.roles.filter((r) => roleValidOn(r, date));
  }

  /**
   * The person a full or partial name ("Masoud Pezeshkian", "Pezeshkian") denotes on the date, or
   * undefined when the name is unknown or could denote more than one person. A surname is resolved
   * only to the one person of that name who holds an office on the date, or to the only person who
   * bears it. `countryHint` keeps people with a role in that country when any has one. With
   * `date` null (the document date is unknown), "in office" means having held any office.
   */
  resolvePersonName(name: string, date: string | null, countryHint?: string): Person | undefined {
    const entries = this.lookupName(name, { anyCase: true }).filter((e) => e.kind === 'person');
    if (entries.length === 0) return undefined;
    const hint = countryHint ? this.canonical(countryHint) : undefined;
    const pick = (ids: string[]): Person | undefined => {
      let ps = [...new Set(ids)].map((id) => this.people.get(id)).filter((p): p is Person => p !== undefined);
      if (hint) {
        const inCountry = ps.filter((p) => p.roles.some((r) => r.country === hint));
        if (inCountry.length > 0) ps = inCountry;
      }
      if (ps.length === 1) return ps[0];
      const inOffice = ps.filter((p) => p.roles.some((r) => date === null || roleValidOn(r, date)));
      return inOffice.length === 1 ? inOffice[0] : undefined;
    };
    // a one-word "full name" (a source that lists only a surname) is read like a surname
    const full = entries.filter((e) => e.via === 'full' && /\s/.test(e.form.trim())).map((e) => e.id);
    if (full.length > 0) return pick(full);
    return pick(entries.map((e) => e.id));
  }

  /**
   * The office a role noun denotes in a country: the country-specific office of the noun, else the
   * office whose local title it is (Iran's "president" is its head of government), else the noun's
   * default. Title nouns ("president", "king", "chancellor") get no office in a country whose
   * executive carries no such title. Null when no office applies.
   */
  officeFor(country: string, noun: string): RoleName | null {
    const rn = this.roleNoun(noun);
    if (!rn) return null;
    const code = this.canonical(country);
    if (rn.countries[code]) return rn.countries[code];
    const key = normName(rn.noun);
    const singular = key.replace(/s$/, '');
    const c = this.countries.get(code);
    const local = c?.offices[key] ?? c?.offices[singular] ?? (key === 'pm' || key === 'premier' ? c?.offices['prime minister'] : undefined);
    if (local && local.length > 0) {
      if (rn.role && local.includes(rn.role)) return rn.role;
      return local[0];
    }
    if (TITLE_NOUNS.has(key) && c && Object.keys(c.offices).length > 0) {
      if (key === 'premier' || key === 'pm') return c.offices['prime minister'] ? 'head of government' : null;
      return null;
    }
    return rn.role;
  }

  /**
   * A role description with a country ("the Polish president", "Poland's foreign minister", "the
   * president of Iran", "U.S. secretary of state", "UN secretary-general") resolved on a date to
   * `{ person, country, sector, role, noun }`; `person` is undefined when nobody is known to hold
   * the office then, `role` null when the noun names no office in that country. Undefined when the
   * phrase is not such a description or its country is ambiguous.
   */
  lookupPhrase(phrase: string, date: string): PhraseMatch | undefined {
    let p = phrase.trim().replace(/^the\s+/i, '');
    p = p.replace(/(['’]s|['’])\s*$/, '');
    const norm = normName(p);
    const tryParts = (countryText: string, nounText: string): PhraseMatch | undefined => {
      const rn = this.roleNoun(nounText);
      if (!rn) return undefined;
      const country = this.actorOf(countryText);
      if (!country) return undefined;
      const role = this.officeFor(country, rn.noun);
      const person = role ? this.officeHolder(country, role, date) : undefined;
      return { person, country, sector: rn.sector, role, noun: rn.noun };
    };
    // "X's Y"
    const poss = /^(.+?)'s (.+)$/.exec(norm);
    if (poss) {
      const m = tryParts(poss[1], poss[2]);
      if (m) return m;
    }
    // "Y of X"
    const of = /^(.+?) of (?:the )?(.+)$/.exec(norm);
    if (of) {
      const m = tryParts(of[2], of[1]);
      if (m) return m;
    }
    // "X Y": country words first, the role noun after them
    const toks = norm.split(' ');
    for (let i = 1; i < toks.length; i++) {
      const m = tryParts(toks.slice(0, i).join(' '), toks.slice(i).join(' '));
      if (m) return m;
    }
    return undefined;
  }

  /** The single state or organisation code a country word, demonym or organisation name denotes. */
  private actorOf(text: string): string | undefined {
    const entries = this.lookupName(text, { anyCase: true });
    const codes = new Set<string>();
    for (const e of entries) {
      if (e.via === 'prefix') continue;
      if ((PLACE_KINDS.has(e.kind) || ORG_KINDS.has(e.kind)) && e.country) {
        codes.add(e.country);
      }
    }
    if (codes.size === 1) return [...codes][0];
    // a state and its territories share a demonym ("Chinese"): the one independent state
    const states = [...codes].filter((c) => this.countries.get(c)?.independent);
    return states.length === 1 && states.length < codes.size ? states[0] : undefined;
  }

  /**
   * Merge people rows (data/overlay/people.csv format) on top of the loaded KB. Rows match an
   * existing person by id, else by name in the same country; new people are added. Their roles win
   * over shipped roles for the dates they cover. Returns the problems found (nothing is merged
   * when there are any).
   */
  mergeOverlay(path: string): OverlayProblem[] {
    const overlay: Overlay = { countries: [], ambiguous: [], orgs: [], groups: [], people: [], roleNouns: [], sectorNouns: [], sectors: [] };
    const problems: OverlayProblem[] = [];
    readOverlayFile(path, 'people.csv', overlay, problems);
    for (const r of overlay.people) {
      if (!this.countries.has(r.country) && !this.orgs.has(r.country) && !this.groups.has(r.country)) {
        problems.push({ file: r.file, line: r.line, why: `unknown country code '${r.country}'` });
      }
    }
    problems.push(...overlappingRoles(overlay.people));
    if (problems.length > 0) return problems;
    const byId = new Map<string, Person>();
    for (const r of overlay.people) {
      let p = byId.get(r.id) ?? this.people.get(r.id);
      if (!p) {
        const cands = new Set<Person>();
        for (const n of [r.name, ...r.aliases]) {
          for (const e of this.entriesOfKey(normName(n))) {
            if (e.kind !== 'person' || e.via !== 'full') continue;
            const q = this.people.get(e.id);
            if (q && q.roles.some((x) => x.country === r.country)) cands.add(q);
          }
        }
        if (cands.size === 1) p = [...cands][0];
      }
      const isNew = !p;
      if (!p) p = { id: r.id, name: r.name, aliases: [r.name], surnames: [], qid: null, roles: [] };
      byId.set(r.id, p);
      for (const n of [r.name, ...r.aliases]) if (!p.aliases.includes(n)) p.aliases.push(n);
      for (const s of r.surnames) if (!p.surnames.includes(s)) p.surnames.push(s);
      if (r.role) {
        const role: Role = {
          country: r.country,
          role: r.role,
          title: r.title,
          sector: /defen[cs]e/.test(r.role) ? 'MIL' : 'GOV',
          from: r.from,
          to: r.to,
          source: 'overlay:user',
        };
        if (r.acting) role.acting = true;
        p.roles.push(role);
        const k = officeKey(r.country, r.role);
        const list = this.offices.get(k) ?? [];
        list.push({ person: p, role });
        this.offices.set(k, list);
      }
      if (isNew) this.people.set(p.id, p);
      const last = p.roles[p.roles.length - 1];
      for (const [form, via] of [...p.aliases.map((a) => [a, 'full'] as const), ...p.surnames.map((s) => [s, 'surname'] as const)]) {
        const key = normName(form);
        const list = this.entries(key) ?? [];
        if (list.some((e) => e.kind === 'person' && e.id === p!.id)) continue;
        list.push({ kind: 'person', id: p.id, form, via, country: last?.country ?? r.country, sector: last?.sector ?? 'GOV' });
        this.names.set(key, list);
      }
    }
    return [];
  }
}

function officeKey(country: string, role: string): string {
  return `${country}\u0000${role}`;
}

function rank(role: Role): number {
  return (SOURCE_RANK[role.source] ?? 9) + (role.toUncertain ? 0.5 : 0);
}

/** The parsed files of a KB folder. */
export interface KbData {
  meta: KbMeta;
  countries: Country[];
  orgs: Org[];
  groups: Group[];
  people: Person[];
  sectors: Sector[];
  roleNouns: RoleNoun[];
  names: NameIndex;
}

function readJson<T>(dir: string, name: string): T {
  const path = join(dir, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ParleyError('PARLEY_KB_UNREADABLE', { path, why: (err as NodeJS.ErrnoException).code ?? String(err) }, { cause: err });
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new ParleyError('PARLEY_KB_UNREADABLE', { path, why: `invalid JSON: ${(err as Error).message}` }, { cause: err });
  }
}

/**
 * Load the knowledge base from `dir` (default: the package's `data/kb`). Synchronous; throws
 * `PARLEY_KB_UNREADABLE` when a file is missing or broken and `PARLEY_KB_BAD_OVERLAY` when the user
 * overlay has bad rows.
 */
export function loadKb(dir?: string, options: LoadOptions = {}): Kb {
  const root = resolve(dir ?? join(packageRootOr(process.cwd()), 'data', 'kb'));
  const meta = readJson<KbMeta>(root, 'meta.json');
  if (meta.format !== FORMAT) {
    throw new ParleyError('PARLEY_KB_UNREADABLE', { path: join(root, 'meta.json'), why: `format ${meta.format}, this version reads ${FORMAT}` });
  }
  const kb = new Kb(root, {
    meta,
    countries: readJson(root, 'countries.json'),
    orgs: readJson(root, 'orgs.json'),
    groups: readJson(root, 'groups.json'),
    people: readJson(root, 'people.json'),
    sectors: readJson(root, 'sectors.json'),
    roleNouns: readJson(root, 'role-nouns.json'),
    names: readJson(root, 'names.json'),
  });
  if (options.overlay) {
    const problems = kb.mergeOverlay(options.overlay);
    if (problems.length > 0) {
      const first = problems[0];
      throw new ParleyError('PARLEY_KB_BAD_OVERLAY', {
        file: first.file,
        line: first.line,
        why: first.why,
        more: problems.length > 1 ? ` (and ${problems.length - 1} more)` : '',
        problems: problems.map(formatProblem),
      });
    }
  }
  return kb;
}
