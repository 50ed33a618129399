/**
 * Build step: people with dated roles.
 *
 * Sources, by priority for one office on one date: overlay > Factbook executive time series
 * (2015/2020 → 2026-01) > Wikidata foreign ministers (≈2022) > CountryInfo leaders (→ ≈2009) and
 * cabinets (2003 → 2011) > Archigos (→ 2015) > REIGN (→ 2021-03). A lower-priority spell only
 * fills dates that no higher-priority spell of the same office covers. Archigos and REIGN give one
 * "effective leader" per country without an office: a spell that matches a known person enriches
 * that person; otherwise it fills a gap in the office the country's effective leader usually holds.
 *
 * People are merged across sources within a country by normalised full name, by first + last
 * name, or by a one-letter difference in the surname with the same given name (Ruhani/Rohani).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Country, Person, Role, RoleName } from './kb-types.js';
import type { PersonRow } from './kb-overlay.js';
import { MULTI_HOLDER_ROLES } from './kb-overlay.js';
import type { CountryExtras } from './kb-build-countries.js';
import { addDays, cmp, compactDate, isIsoDate, pad2, readCsv, slug, titleCase, uniqNames } from './kb-build-io.js';
import { normName, stripDiacritics } from './kb-normalize.js';

type Src = 'overlay' | 'factbook' | 'wikidata' | 'countryinfo' | 'archigos' | 'reign';
const PRIORITY: Record<Src, number> = { overlay: 0, factbook: 1, wikidata: 2, countryinfo: 3, archigos: 4, reign: 5 };

/** Countries whose leaders' names put the family name first ("Hu Jintao": Mr Hu). */
const FAMILY_FIRST = new Set(['CHN', 'TWN', 'KOR', 'PRK', 'HKG', 'MAC']);

/** Roles kept from 1990 on. */
const HORIZON = '1990-01-01';
/** CountryInfo's leader lists were last brought up to date around the end of 2009; its cabinets in Feb 2011. */
const CI_LEADERS_END = '2009-12-31';
const CI_CABINET_START = '2003-01-01';
const CI_CABINET_END = '2011-02-28';
const WIKIDATA_FM_SNAPSHOT = '2023-01-10';
const REIGN_END = '2021-03-01';

interface Spell {
  src: Src;
  country: string;
  role: RoleName;
  title: string | null;
  sector: string;
  from: string | null;
  to: string | null;
  toUncertain: boolean;
  acting: boolean;
  /** Full names as written (best first). */
  names: string[];
  surnames: string[];
  qid: string | null;
  /** Overlay person id. */
  id?: string;
  /** Weight for choosing the display name (number of snapshots, etc.). */
  weight: number;
  /** For overlay rows: the file and line, for messages. */
  at?: string;
}

interface Cluster {
  spells: Spell[];
  names: string[];
  keys: Set<string>;
  pairs: Set<string>;
  countries: Set<string>;
  id?: string;
  effective: Spell[];
}

const HONORIFICS = new Set(
  [
    'ayatollah',
    'hojatolislam',
    'hojjat',
    'hojjatoleslam',
    'sayyed',
    'seyyed',
    'sheikh',
    'shaikh',
    'dr',
    'gen',
    'general',
    'col',
    'colonel',
    'maj',
    'lt',
    'adm',
    'admiral',
    'marshal',
    'field',
    'sir',
    'dame',
    'mr',
    'mrs',
    'ms',
    'prince',
    'princess',
    'king',
    'queen',
    'emir',
    'sultan',
    'president',
    'mawlawi',
    'mullah',
    'rev',
    'father',
    'brig',
    'chief',
    'prof',
  ].map((s) => s),
);
const SUFFIXES = new Set(['jr', 'sr', 'jnr', 'snr']);
/** Regnal numbers ("II", "XVI"), written in capitals: never a surname ("Xi" is one). */
function isRegnal(word: string): boolean {
  return /^(i{1,3}|iv|vi{0,3}|ix)$/.test(normName(word)) || (/^[IVX]{2,5}$/.test(word) && /^(X{0,2})(I{1,3}|IV|VI{0,3}|IX)?$/.test(word));
}
/** Titles that may lead a name as listed ("Pope Benedict XVI", "King Abdullah II"). */
const TITLE_WORDS = new Set(['pope', 'king', 'queen', 'emir', 'sultan', 'sheikh', 'prince', 'crown', 'grand']);
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'ben', 'abu', 'ould', 'ag', 'ol', 'e']);

/** Name tokens without honorifics, suffixes and parenthesised nicknames. */
function nameTokens(name: string): string[] {
  const base = name.replace(/"[^"]*"/g, ' ').replace(/\([^)]*\)/g, ' ');
  const toks = normName(base)
    .replace(/,/g, ' ')
    .split(' ')
    .filter((t) => t.length > 0);
  while (toks.length > 1 && HONORIFICS.has(toks[0])) toks.shift();
  while (toks.length > 1 && SUFFIXES.has(toks[toks.length - 1])) toks.pop();
  return toks;
}

/** Full-name key. */
function fullKey(name: string): string {
  return nameTokens(name).join(' ');
}

/** First-and-last key ("joseph r biden" → "joseph|biden"); null for one-token names. */
function pairKey(name: string): string | null {
  const t = nameTokens(name).filter((x) => x.length > 1 || PARTICLES.has(x));
  if (t.length < 2) return null;
  return `${t[0]}|${t[t.length - 1]}`;
}

/** Initials of the middle names ("George H. W. Bush" → "hw"). */
function middleInitials(name: string): string {
  const t = nameTokens(name).filter((x) => !PARTICLES.has(x));
  return t
    .slice(1, -1)
    .map((x) => x[0])
    .join('');
}

/** Two names with the same first and last name may be one person unless both give different middle names. */
function middleCompatible(a: string, b: string): boolean {
  const ma = middleInitials(a);
  const mb = middleInitials(b);
  return !ma || !mb || ma === mb;
}

/** True when `longer` starts with every word of `shorter` (two words at least) and adds some. */
function extends_(shorter: string[], longer: string[]): boolean {
  return shorter.length >= 2 && longer.length > shorter.length && shorter.every((w, i) => longer[i] === w);
}

/** Damerau–Levenshtein distance ≤ 1. */
function nearlySame(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Clean a display name: nickname quotes removed, honorific prefixes dropped, spacing fixed. */
function cleanName(name: string): string {
  let s = name.replace(/^[^()]*\)\s*/, '').replace(/"[^"]*"/g, ' ').replace(/\s*[([].*$/, '').replace(/\s+/g, ' ').trim();
  // trailing commentary the Factbook parser kept ("Yair Lapid serving as caretaker")
  s = s.replace(/\s+(serving|acting|since|who|as|until|elected|appointed)\b.*$/i, '');
  const parts = s.split(' ');
  while (parts.length > 1 && HONORIFICS.has(normName(parts[0]))) parts.shift();
  s = parts.join(' ');
  return s.replace(/\s+,/g, ',');
}

/** The nickname form of a name with a quoted nickname ("Michiel \"Mike\" Godfried Eman" → "Mike Eman"). */
function nicknameForm(name: string): string | null {
  const m = /"([^"]+)"/.exec(name);
  if (!m) return null;
  const rest = name.replace(/"[^"]*"/g, ' ').trim().split(/\s+/);
  return rest.length ? `${m[1]} ${rest[rest.length - 1]}` : null;
}

// ---------------------------------------------------------------- Factbook

interface FbRow {
  iso3: string;
  slot: string;
  cls: string;
  title: string;
  name: string;
  surname: string;
  since: string;
  firstSeen: string;
  lastSeen: string;
  firstAbsent: string;
  latest: boolean;
}

const DEPUTY_TITLE = /^(first |second |third |executive )?(vice[- ]presidents?|deputy prime ministers?|vice premiers?|first deputy prime ministers?|executive vice premiers?)$/i;

function slotRole(slot: string, cls: string, title: string): RoleName | null {
  if (cls === 'principal') return slot === 'chief of state' ? 'head of state' : 'head of government';
  if (cls === 'deputy') {
    if (!DEPUTY_TITLE.test(title.trim())) return null;
    return slot === 'chief of state' ? 'deputy head of state' : 'deputy head of government';
  }
  if (cls === 'representative') return 'representative of head of state';
  return null;
}

/** Normalised office title ("Acting President" → "president"). */
export function officeTitle(title: string): string {
  return normName(title)
    .replace(/^(acting|interim|transitional|caretaker|provisional|de facto|executive|federal)\s+/, '')
    .replace(/^(acting|interim|transitional|caretaker|provisional)\s+/, '')
    .replace(/^(co-prince|co-princes)$/, 'co-prince')
    .trim();
}

function factbookSpells(kb: string, offices: Map<string, Map<string, Set<RoleName>>>, countryNames: Set<string>): Spell[] {
  const rows: FbRow[] = readCsv(join(kb, 'factbook', 'derived', 'factbook_executives_timeseries_2015-2026.csv')).map(({ values: v }) => ({
    iso3: v.iso3,
    slot: v.slot,
    cls: v.role_class,
    title: v.title,
    name: v.name,
    surname: v.surname_caps,
    since: isIsoDate(v.since) ? v.since : v.first_seen_snapshot,
    firstSeen: v.first_seen_snapshot,
    lastSeen: v.last_seen_snapshot,
    firstAbsent: v.first_absent_snapshot,
    latest: v.in_latest_snapshot === 'yes',
  }));
  // "Queen of | Australia Elizabeth II", "President of | China XI Jinping": the parser split the
  // title before the country's name, which then starts the person's name
  for (const r of rows) {
    if (!/\bof$/i.test(r.title.trim())) continue;
    const toks = r.name.split(/\s+/);
    for (let n = Math.min(3, toks.length - 1); n >= 1; n--) {
      if (countryNames.has(normName(toks.slice(0, n).join(' ')))) {
        r.name = toks.slice(n).join(' ');
        r.title = `${r.title} ${toks.slice(0, n).join(' ')}`;
        break;
      }
    }
  }
  // "Notification Statement: the United States recognizes | X as the Interim President ++
  // President Y": a note about recognition, not a title; the office holder the entry lists is the
  // one after the last '++', with his own title
  for (const r of rows) {
    if (!/^notification statement\b/i.test(r.title.trim()) || !r.name.includes('++')) continue;
    const holder = r.name.slice(r.name.lastIndexOf('++') + 2).trim().split(/\s+/);
    let t = 0;
    while (t < holder.length - 2 && /^(president|prime|minister|chancellor|premier|king|queen|interim|acting|head|of|state|government)$/i.test(holder[t])) t++;
    r.title = t > 0 ? holder.slice(0, t).join(' ') : r.slot === 'chief of state' ? 'Head of State' : 'Head of Government';
    r.name = holder.slice(t).join(' ');
    r.surname = '';
  }
  // rows the time series could not classify count as principals when no principal of the same
  // slot was listed at the same time (e.g. a prime minister whose title the parser lost)
  for (const r of rows) {
    if (r.cls !== 'unknown' || r.title.trim()) continue;
    const clash = rows.some(
      (o) => o !== r && o.cls === 'principal' && o.iso3 === r.iso3 && o.slot === r.slot && o.firstSeen <= r.lastSeen && r.firstSeen <= o.lastSeen,
    );
    if (!clash) {
      r.cls = 'principal';
      r.title = r.slot === 'chief of state' ? 'Head of State' : 'Head of Government';
    }
  }
  // merge spelling variants of one spell: same (country, slot, class, title, since)
  const groups = new Map<string, FbRow[]>();
  for (const r of rows) {
    if (!r.iso3 || !r.name) continue;
    const role = slotRole(r.slot, r.cls, r.title);
    if (!role) continue;
    const k = [r.iso3, r.slot, r.cls, officeTitle(r.title), r.since].join('\u0000');
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  interface Merged {
    rows: FbRow[];
    iso3: string;
    slot: string;
    cls: string;
    role: RoleName;
    since: string;
    lastSeen: string;
    firstAbsent: string;
    latest: boolean;
  }
  // one person listed twice with nearby "since" dates (corrections between snapshots) is one spell
  const lists = [...groups.values()].sort((a, b) => cmp(a[0].iso3, b[0].iso3) || cmp(a[0].since, b[0].since));
  for (let i = 0; i < lists.length; i++) {
    for (let j = i + 1; j < lists.length; j++) {
      const a = lists[i];
      const b = lists[j];
      if (!a.length || !b.length) continue;
      const same =
        a[0].iso3 === b[0].iso3 &&
        a[0].slot === b[0].slot &&
        a[0].cls === b[0].cls &&
        normName(a[0].surname) === normName(b[0].surname) &&
        Math.abs(Date.parse(a[0].since) - Date.parse(b[0].since)) <= 60 * 86400000;
      if (same) {
        for (const r of b) r.since = a[0].since;
        a.push(...b.splice(0));
      }
    }
  }
  const merged: Merged[] = [];
  for (const list of lists) {
    if (list.length === 0) continue;
    list.sort((a, b) => cmp(b.lastSeen, a.lastSeen));
    const r0 = list[0];
    merged.push({
      rows: list,
      iso3: r0.iso3,
      slot: r0.slot,
      cls: r0.cls,
      role: slotRole(r0.slot, r0.cls, r0.title)!,
      since: r0.since,
      lastSeen: list.map((r) => r.lastSeen).sort(cmp).at(-1)!,
      firstAbsent: list.some((r) => r.latest) ? '' : list.map((r) => r.firstAbsent).sort(cmp).at(-1)!,
      latest: list.some((r) => r.latest),
    });
  }
  merged.sort((a, b) => cmp(a.iso3, b.iso3) || cmp(a.slot, b.slot) || cmp(a.since, b.since) || cmp(a.rows[0].name, b.rows[0].name));
  const spells: Spell[] = [];
  for (const m of merged) {
    let to: string | null = null;
    let toUncertain = false;
    if (!m.latest) {
      let next: Merged | undefined;
      if (m.cls === 'principal') {
        next = merged.find(
          (n) =>
            n !== m &&
            n.cls === 'principal' &&
            n.iso3 === m.iso3 &&
            n.slot === m.slot &&
            n.since > m.since &&
            n.since <= (m.firstAbsent || '9999') &&
            // a successor whose "since" lies long after the last sighting says nothing about when this
            // spell ended (snapshot gap 2017-03 → 2020-11: a whole term may be missing in between)
            n.since <= addDays(m.lastSeen, 150),
        );
      }
      if (next) to = next.since;
      else {
        to = addDays(m.lastSeen, 1);
        const gap = (Date.parse(m.firstAbsent) - Date.parse(m.lastSeen)) / 86400000;
        toUncertain = !(gap <= 31);
      }
    }
    const weight = m.rows.length;
    const title = m.rows[0].title.replace(/^represented by /i, '');
    const acting = /^(acting|interim|transitional|caretaker|provisional)\b/i.test(title);
    const names = uniqNames(m.rows.flatMap((r) => [cleanName(r.name), nicknameForm(r.name) ?? '']));
    const surnames = uniqNames(m.rows.map((r) => titleCase(r.surname.replace(/\s+(Jr|Sr)\.?$/i, ''))));
    spells.push({
      src: 'factbook',
      country: m.iso3,
      role: m.role,
      title,
      sector: 'GOV',
      from: m.since,
      to,
      toUncertain,
      acting,
      names,
      surnames,
      qid: null,
      weight: weight + Math.round((Date.parse(m.lastSeen) - Date.parse(m.rows[0].firstSeen)) / 86400000 / 7),
    });
    if (m.cls === 'principal') {
      const t = officeTitle(title);
      if (t && t.split(' ').length <= 3 && !/\b(and|of|the)\b/.test(t)) {
        const byTitle = offices.get(m.iso3) ?? new Map<string, Set<RoleName>>();
        const set = byTitle.get(t) ?? new Set<RoleName>();
        set.add(m.role);
        byTitle.set(t, set);
        offices.set(m.iso3, byTitle);
      }
    }
  }
  return spells;
}

// ---------------------------------------------------------------- Wikidata

function wikidataSpells(kb: string, countryByName: (n: string) => string | undefined): Spell[] {
  const out: Spell[] = [];
  for (const { values: v } of readCsv(join(kb, 'everypolitician-wikidata', 'foreign-ministers.wikidata.csv'))) {
    if (!v.name || !v.start || !isIsoDate(v.start)) continue;
    const cc = countryByName(v.countryLabel);
    if (!cc) continue;
    out.push({
      src: 'wikidata',
      country: cc,
      role: 'foreign minister',
      title: v.positionLabel || null,
      sector: 'GOV',
      from: v.start,
      to: WIKIDATA_FM_SNAPSHOT,
      toUncertain: true,
      acting: false,
      names: [v.name],
      surnames: [],
      qid: /^Q\d+$/.test(v.person) ? v.person : null,
      weight: 10,
    });
  }
  return out;
}

/** Wikidata leaders 2021–22 (year precision): labels and QIDs for people already known. */
function wikidataLeaders(kb: string, countryByName: (n: string) => string | undefined): { country: string; label: string; qid: string; from: number; to: number }[] {
  const out: { country: string; label: string; qid: string; from: number; to: number }[] = [];
  for (const { values: v } of readCsv(join(kb, 'everypolitician-wikidata', 'world-leaders-2021.wikidata.csv'))) {
    const cc = countryByName(v.country);
    if (!cc || !v.officeholderLabel || !/^Q\d+$/.test(v.officeholder)) continue;
    out.push({ country: cc, label: v.officeholderLabel, qid: v.officeholder, from: Number(v.start_year) || 0, to: Number(v.end_year) || 9999 });
  }
  for (const { values: v } of readCsv(join(kb, 'everypolitician-wikidata', 'world-leaders-2021.wikipedia.csv'))) {
    const cc = countryByName(v.country);
    if (!cc || !v.officeholderlabel || !/^Q\d+$/.test(v.officeholder)) continue;
    out.push({ country: cc, label: v.officeholderlabel.replace(/\s*\([^)]*\)\s*$/, ''), qid: v.officeholder, from: Number(v.start_year) || 0, to: Number(v.end_year) || 9999 });
  }
  return out;
}

// ---------------------------------------------------------------- CountryInfo

const FM_TITLE = /^(minister (of|for) (foreign affairs|external (affairs|relations))|foreign minister|minister of foreign affairs and .*|minister (of|for) foreign affairs,? .*|secretary of state|secretary of state for foreign (and commonwealth )?affairs|minister of (foreign|external) relations|minister for europe and foreign affairs)$/i;
const DEF_TITLE = /^(minister (of|for) (national )?defen[cs]e( and .*)?|minister of (the )?armed forces|secretary of defense|secretary of state for defence|minister of defen[cs]e and armed forces logistics)$/i;

function singular(tag: string): string {
  const t = normName(tag);
  return t.replace(/ministers$/, 'minister').replace(/ies$/, 'y').replace(/(chancellor|king|queen|president|premier|emir|sultan|leader|prince|monarch|shah)s$/, '$1').replace(/s$/, '');
}

function countryInfoSpells(kb: string, officeOf: (cc: string, title: string) => RoleName[]): Spell[] {
  const text = readFileSync(join(kb, 'countryinfo', 'CountryInfo.120116.txt'), 'latin1');
  const out: Spell[] = [];
  const nameOf = (raw: string) => titleCase(raw.replace(/_+$/, '').replace(/_/g, ' ').trim());
  for (const block of text.split('<Country>').slice(1)) {
    const cc = /<CountryCode>(\w{3})<\/CountryCode>/.exec(block)?.[1];
    if (!cc) continue;
    const leaders = /<Leaders>([\s\S]*?)<\/Leaders>/.exec(block)?.[1] ?? '';
    let tag = '';
    for (const raw of leaders.split('\n')) {
      const line = raw.split('#')[0].trim();
      if (!line) continue;
      const open = /^<([^/][^>]*)>+$/.exec(line);
      if (open) {
        tag = open[1];
        continue;
      }
      if (/^<\//.test(line)) {
        tag = '';
        continue;
      }
      const nm = /^([^[]+?)\s*\[/.exec(line);
      if (!nm || !tag) continue;
      const roles = officeOf(cc, singular(tag));
      if (roles.length === 0) continue;
      const names = uniqNames(
        nm[1]
          .split(/[{}]/)
          .map((s) => s.trim())
          .filter(Boolean)
          .map(nameOf)
          .map(cleanName),
      );
      for (const m of line.matchAll(/\[(>)?(\d{8})(?:\s*-\s*(\d{8}))?\]/g)) {
      const from = compactDate(m[2]);
      const to = m[1] ? CI_LEADERS_END : m[3] ? compactDate(m[3]) : null;
      if (!from || (to && to < HORIZON)) continue;
      for (const role of roles) {
        out.push({
          src: 'countryinfo',
          country: cc,
          role,
          title: titleCase(singular(tag)),
          sector: 'GOV',
          from,
          to: to && to > from ? to : null,
          toUncertain: Boolean(m[1]),
          acting: false,
          names,
          surnames: [],
          qid: null,
          weight: 1,
        });
      }
      }
    }
    const gov = /<Government>([\s\S]*?)<\/Government>/.exec(block)?.[1] ?? '';
    for (const raw of gov.split('\n')) {
      const hash = raw.indexOf('#');
      if (hash < 0) continue;
      const titles = raw
        .slice(hash + 1)
        .split(' & ')
        .map((t) => t.replace(/"[^"]*"/g, '').trim());
      const head = raw.slice(0, hash);
      const brackets = [...head.matchAll(/\[[A-Z]{3}([A-Z]*)\s+([^\]]*)\]/g)];
      const namePart = head.slice(0, head.indexOf('[')).trim();
      if (!namePart || brackets.length === 0) continue;
      const names = uniqNames(
        namePart
          .split(/[{}]/)
          .map((s) => s.trim())
          .filter(Boolean)
          .map(nameOf)
          .map(cleanName),
      );
      brackets.forEach((b, i) => {
        const title = titles[i] ?? titles[0] ?? '';
        const acting = /acting/i.test(raw.slice(hash));
        let role: RoleName | null = null;
        if (FM_TITLE.test(title) && !(cc !== 'USA' && /^secretary of state$/i.test(title))) role = 'foreign minister';
        else if (DEF_TITLE.test(title)) role = 'defence minister';
        if (!role) return;
        const d = b[2].trim();
        let from: string | null = null;
        let to: string | null = null;
        let toUncertain = false;
        let mm: RegExpExecArray | null;
        if ((mm = /^<(\d{8})$/.exec(d))) {
          from = CI_CABINET_START;
          to = compactDate(mm[1]);
        } else if ((mm = /^>(\d{8})$/.exec(d))) {
          from = compactDate(mm[1]);
          to = CI_CABINET_END;
          toUncertain = true;
        } else if ((mm = /^(\d{8})\s*-\s*(\d{8})$/.exec(d))) {
          from = compactDate(mm[1]);
          to = compactDate(mm[2]);
        }
        if (!from || !to || to <= from) return;
        out.push({
          src: 'countryinfo',
          country: cc,
          role,
          title,
          sector: role === 'defence minister' ? 'MIL' : 'GOV',
          from,
          to,
          toUncertain,
          acting,
          names,
          surnames: [],
          qid: null,
          weight: 1,
        });
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- Archigos and REIGN

interface Effective {
  src: 'archigos' | 'reign';
  country: string;
  short: string;
  full: string | null;
  from: string;
  to: string | null;
  toUncertain: boolean;
}

function archigosSpells(kb: string, cowToIso: Map<number, string>): Effective[] {
  const out: Effective[] = [];
  for (const { values: v } of readCsv(join(kb, 'archigos', 'archigos_4.1_leaders.csv'))) {
    const cc = cowToIso.get(Number(v.ccode));
    if (!cc || !isIsoDate(v.startdate) || !isIsoDate(v.enddate)) continue;
    if (v.enddate < HORIZON) continue;
    let full: string | null = null;
    const m = /dbpedia\.org\/resource\/(.+)$/.exec(v.dbpediauri ?? '');
    if (m) {
      try {
        full = decodeURIComponent(m[1]).replace(/_/g, ' ').replace(/\s*\([^)]*\)\s*$/, '').trim();
      } catch {
        full = null;
      }
    }
    const still = /still in office/i.test(v.exit ?? '');
    out.push({ src: 'archigos', country: cc, short: v.leader, full, from: v.startdate, to: v.enddate, toUncertain: still });
  }
  return out;
}

function reignSpells(kb: string, cowToIso: Map<number, string>): Effective[] {
  const out: Effective[] = [];
  for (const { values: v } of readCsv(join(kb, 'reign', 'leaderlist_3_21.csv'), { latin1: true })) {
    const cc = cowToIso.get(Number(v.ccode));
    if (!cc || !v.leader) continue;
    const sy = Number(v.syear);
    const sm = Number(v.smonth);
    const sd = Number(v.sdate) || 1;
    if (!sy || !sm) continue;
    const from = compactDate(`${sy}${pad2(sm)}${pad2(sd)}`)!;
    let to: string | null = REIGN_END;
    let toUncertain = true;
    if (v.eyear && v.emonth) {
      to = compactDate(`${v.eyear}${pad2(Number(v.emonth))}01`);
      toUncertain = true;
    }
    if (to && to < '2015-01-01') continue;
    out.push({ src: 'reign', country: cc, short: v.leader, full: null, from, to, toUncertain });
  }
  return out;
}

// ---------------------------------------------------------------- assembly

function overlaps(aFrom: string | null, aTo: string | null, bFrom: string | null, bTo: string | null, slackDays = 0): boolean {
  const af = aFrom ?? '0000-01-01';
  const at = aTo ?? '9999-12-31';
  const bf = bFrom ?? '0000-01-01';
  const bt = bTo ?? '9999-12-31';
  if (slackDays === 0) return af < bt && bf < at;
  const s = slackDays * 86400000;
  return Date.parse(af) - s < Date.parse(bt) && Date.parse(bf) - s < Date.parse(at);
}

function overlapDays(aFrom: string | null, aTo: string | null, bFrom: string | null, bTo: string | null): number {
  const a0 = Date.parse(aFrom ?? '1900-01-01');
  const a1 = Date.parse(aTo ?? '2100-01-01');
  const b0 = Date.parse(bFrom ?? '1900-01-01');
  const b1 = Date.parse(bTo ?? '2100-01-01');
  return Math.max(0, (Math.min(a1, b1) - Math.max(a0, b0)) / 86400000);
}

/** Subtract covered intervals from [from, to); returns the remaining pieces. */
function subtract(from: string | null, to: string | null, covered: [string, string][]): [string, string][] {
  let pieces: [string, string][] = [[from ?? '0000-01-01', to ?? '9999-12-31']];
  for (const [cf, ct] of covered) {
    const next: [string, string][] = [];
    for (const [pf, pt] of pieces) {
      if (ct <= pf || cf >= pt) {
        next.push([pf, pt]);
        continue;
      }
      if (cf > pf) next.push([pf, cf]);
      if (ct < pt) next.push([ct, pt]);
    }
    pieces = next;
  }
  return pieces.filter(([a, b]) => a < b);
}

export interface PeopleBuild {
  people: Person[];
  offices: Map<string, Map<string, Set<RoleName>>>;
  warnings: string[];
  latest: Record<string, string>;
}

/** Build people from the sources and the overlay rows. */
export function buildPeople(shared: string, countries: Country[], extras: CountryExtras, overlayRows: PersonRow[]): PeopleBuild {
  const kb = join(shared, 'kb-data');
  const warnings: string[] = [];
  const countryIdx = new Map<string, string>();
  for (const c of countries) for (const n of [c.name, ...c.names]) if (!countryIdx.has(normName(n))) countryIdx.set(normName(n), c.code);
  const countryByName = (n: string) => countryIdx.get(normName(n.replace(/\s*\([^)]*\)\s*$/, '')));

  const offices = new Map<string, Map<string, Set<RoleName>>>();
  const fb = factbookSpells(kb, offices, new Set(countryIdx.keys()));
  const officeOf = (cc: string, title: string): RoleName[] => {
    const t = officeTitle(title);
    const known = offices.get(cc)?.get(t);
    if (known) return [...known].sort(cmp);
    if (/^(president|head of state)$/.test(t)) return ['head of state'];
    if (/^(prime minister|premier|chancellor|chief minister|chief executive)$/.test(t)) return ['head of government'];
    if (/^(king|queen|emir|amir|sultan|monarch|shah|grand duke|prince|supreme leader|co-prince|pope)$/.test(t)) return ['head of state'];
    return [];
  };
  const spells: Spell[] = [];
  for (const r of overlayRows) {
    spells.push({
      src: 'overlay',
      country: r.country,
      role: r.role ?? '',
      title: r.title,
      sector: /defence/.test(r.role ?? '') ? 'MIL' : 'GOV',
      from: r.from,
      to: r.to,
      toUncertain: false,
      acting: r.acting,
      names: uniqNames([r.name, ...r.aliases]),
      surnames: r.surnames,
      qid: null,
      id: r.id,
      weight: 1000,
      at: `${r.file}:${r.line}`,
    });
  }
  const canonical = new Map<string, string>();
  for (const c of countries) {
    canonical.set(c.code, c.code);
    for (const a of c.codes ?? []) canonical.set(a, c.code);
  }
  for (const s of [...fb, ...wikidataSpells(kb, countryByName), ...countryInfoSpells(kb, officeOf)]) {
    const cc = canonical.get(s.country);
    if (!cc) {
      warnings.push(`${s.src}: unknown country code ${s.country} (${s.names[0] ?? '?'}) skipped`);
      continue;
    }
    s.country = cc;
    spells.push(s);
  }

  // ---- cluster spells into people
  const clusters: Cluster[] = [];
  const byKey = new Map<string, Cluster[]>();
  const byPair = new Map<string, Cluster[]>();
  const byId = new Map<string, Cluster>();
  const index = (c: Cluster, s: Spell) => {
    for (const n of s.names) {
      c.names.push(n);
      const k = `${s.country}|${fullKey(n)}`;
      c.keys.add(k);
      if (!(byKey.get(k) ?? []).includes(c)) byKey.set(k, [...(byKey.get(k) ?? []), c]);
      if (s.role === 'head of state' || s.role === 'deputy head of state') {
        const hk = `hos|${fullKey(n)}`;
        if (!(byKey.get(hk) ?? []).includes(c)) byKey.set(hk, [...(byKey.get(hk) ?? []), c]);
      }
      const gk = `*|${fullKey(n)}`;
      if (s.src === 'overlay' && !(byKey.get(gk) ?? []).includes(c)) byKey.set(gk, [...(byKey.get(gk) ?? []), c]);
      const p = pairKey(n);
      if (p) {
        const pk = `${s.country}|${p}`;
        c.pairs.add(pk);
        if (!(byPair.get(pk) ?? []).includes(c)) byPair.set(pk, [...(byPair.get(pk) ?? []), c]);
      }
    }
    c.countries.add(s.country);
  };
  /** The cluster already has a spell of the same source and office under a different name: two people (George Bush, George W. Bush). */
  const spelledOtherwise = (c: Cluster, s: Spell): boolean =>
    s.src !== 'overlay' &&
    c.spells.some(
      (x) =>
        x.src === s.src &&
        x.role === s.role &&
        x.country === s.country &&
        !x.names.some((a) => s.names.some((b) => fullKey(a) === fullKey(b))),
    );
  const findCluster = (s: Spell): Cluster | undefined => {
    if (s.id && byId.has(s.id)) return byId.get(s.id);
    for (const n of s.names) {
      const hit = byKey.get(`${s.country}|${fullKey(n)}`);
      if (hit?.length === 1) return hit[0];
    }
    for (const n of s.names) {
      const p = pairKey(n);
      const hit = (p ? byPair.get(`${s.country}|${p}`) ?? [] : []).filter(
        (c) => c.names.every((cn) => pairKey(cn) !== p || middleCompatible(cn, n)) && !spelledOtherwise(c, s),
      );
      if (hit.length === 1) return hit[0];
    }
    // the same office holder under a longer or shorter name in another snapshot of a source
    // ("Abiy Ahmed" then "Abiy Ahmed Ali"; a maternal surname or a suffix added): the words of one
    // name (two at least) begin the other, and their spells of the office meet or overlap
    for (const n of s.names) {
      const t = nameTokens(n);
      if (t.length < 2) continue;
      const cands = clusters.filter(
        (c) =>
          c.countries.has(s.country) &&
          c.spells.some(
            (x) =>
              x.country === s.country &&
              x.role === s.role &&
              overlaps(x.from, x.to, s.from, s.to, 31) &&
              x.names.some((m) => extends_(nameTokens(m), t) || extends_(t, nameTokens(m))),
          ),
      );
      if (cands.length === 1) return cands[0];
    }
    // one-letter surname difference with the same given name, same country
    for (const n of s.names) {
      const t = nameTokens(n);
      if (t.length < 2 || t[t.length - 1].length < 5) continue;
      const cands = clusters.filter(
        (c) =>
          c.countries.has(s.country) &&
          !spelledOtherwise(c, s) &&
          [...c.pairs].some((pk) => {
            const [cc, first, last] = pk.split('|');
            return cc === s.country && first === t[0] && last !== t[t.length - 1] && last.length >= 5 && nearlySame(last, t[t.length - 1]);
          }),
      );
      if (cands.length === 1) return cands[0];
    }
    // one head of state of several countries (monarchs of several realms; the head of state of a
    // territory's parent state; co-princes): same full name, head of state in both, same time
    if (s.role === 'head of state' || s.role === 'deputy head of state') {
      for (const n of s.names) {
        if (nameTokens(n).length < 2) continue;
        const hit = (byKey.get(`hos|${fullKey(n)}`) ?? []).filter((c) =>
          c.spells.some((x) => x.role === s.role && x.country !== s.country && overlaps(x.from, x.to, s.from, s.to)),
        );
        if (hit.length === 1) return hit[0];
      }
    }
    // a hand-kept person is matched across countries by exact full name (ministers who became IGO heads)
    if (s.src !== 'overlay') {
      for (const n of s.names) {
        const hit = byKey.get(`*|${fullKey(n)}`);
        if (hit?.length === 1) return hit[0];
      }
    }
    return undefined;
  };
  const ordered = [...spells].sort((a, b) => PRIORITY[a.src] - PRIORITY[b.src]);
  for (const s of ordered) {
    let c = findCluster(s);
    if (!c) {
      c = { spells: [], names: [], keys: new Set(), pairs: new Set(), countries: new Set(), effective: [] };
      clusters.push(c);
    }
    if (s.id && !c.id) {
      c.id = s.id;
      byId.set(s.id, c);
    }
    c.spells.push(s);
    index(c, s);
  }

  // ---- Wikidata leader labels and QIDs
  for (const w of wikidataLeaders(kb, countryByName)) {
    const p = pairKey(w.label);
    const hits = new Set<Cluster>();
    for (const c of byKey.get(`${w.country}|${fullKey(w.label)}`) ?? []) hits.add(c);
    if (hits.size === 0 && p) for (const c of byPair.get(`${w.country}|${p}`) ?? []) hits.add(c);
    if (hits.size === 0) {
      const last = nameTokens(w.label).at(-1) ?? '';
      for (const c of clusters) {
        if (!c.countries.has(w.country)) continue;
        if (!c.spells.some((s) => s.src === 'factbook' && s.surnames.some((sn) => nameTokens(sn).at(-1) === last))) continue;
        if (!c.spells.some((s) => overlaps(s.from, s.to, `${w.from}-01-01`, `${w.to}-12-31`))) continue;
        hits.add(c);
      }
    }
    if (hits.size !== 1) continue;
    const c = [...hits][0];
    c.spells.push({
      src: 'wikidata',
      country: w.country,
      role: '',
      title: null,
      sector: 'GOV',
      from: null,
      to: null,
      toUncertain: false,
      acting: false,
      names: [w.label],
      surnames: [],
      qid: w.qid,
      weight: 500,
    });
    index(c, c.spells[c.spells.length - 1]);
  }

  // ---- effective leaders (Archigos, REIGN)
  const effective = [...archigosSpells(kb, extras.cowToIso), ...reignSpells(kb, extras.cowToIso)];
  const roleVotes = new Map<string, Map<RoleName, number>>();
  const unmatched: Effective[] = [];
  for (const e of effective) {
    const shortToks = nameTokens(e.short);
    const last = shortToks.at(-1) ?? '';
    const cands = clusters.filter((c) => {
      if (!c.countries.has(e.country)) return false;
      const named =
        (e.full && c.keys.has(`${e.country}|${fullKey(e.full)}`)) ||
        c.keys.has(`${e.country}|${fullKey(e.short)}`) ||
        c.spells.some((s) => s.surnames.some((sn) => fullKey(sn) === fullKey(e.short))) ||
        [...c.keys].some((k) => {
          const toks = k.split('|')[1].split(' ');
          return toks.at(-1) === last || (shortToks.length === 1 && toks.includes(last) && last.length > 3);
        });
      if (!named) return false;
      return c.spells.some((s) => s.role && s.country === e.country && overlaps(s.from, s.to, e.from, e.to, 120));
    });
    let pick: Cluster | undefined;
    if (cands.length === 1) pick = cands[0];
    else if (cands.length > 1) {
      const byFull = e.full ? cands.filter((c) => c.keys.has(`${e.country}|${fullKey(e.full!)}`)) : [];
      if (byFull.length === 1) pick = byFull[0];
      else {
        // the candidate whose office spells overlap the effective spell most, if clearly the most
        const ov = cands
          .map((c) => ({
            c,
            days: c.spells
              .filter((s) => s.role && s.country === e.country)
              .reduce((n, s) => n + overlapDays(s.from, s.to, e.from, e.to), 0),
          }))
          .sort((a, b) => b.days - a.days);
        if (ov[0].days > 0 && ov[0].days >= 2 * ov[1].days) pick = ov[0].c;
      }
    }
    if (!pick) {
      unmatched.push(e);
      continue;
    }
    const c = pick;
    const extra: Spell = {
      src: e.src,
      country: e.country,
      role: '',
      title: null,
      sector: 'GOV',
      from: null,
      to: null,
      toUncertain: false,
      acting: false,
      names: e.full ? [e.full] : [],
      surnames: shortToks.length === 1 || e.short.includes('-') ? [e.short] : [],
      qid: null,
      weight: 0,
    };
    if (shortToks.length > 1 && !e.full) extra.names.push(e.short);
    c.spells.push(extra);
    index(c, extra);
    // extend roles whose end is only a "last seen" date
    for (const s of c.spells) {
      if (!s.role || s.country !== e.country || !s.toUncertain || !s.to || !e.to) continue;
      if (overlaps(s.from, s.to, e.from, e.to) && e.to > s.to) {
        s.to = e.to;
        s.toUncertain = e.toUncertain;
      }
    }
    const held = new Set(c.spells.filter((s) => s.role && s.country === e.country && overlaps(s.from, s.to, e.from, e.to)).map((s) => s.role));
    const votes = roleVotes.get(e.country) ?? new Map<RoleName, number>();
    for (const r of held) if (r === 'head of state' || r === 'head of government') votes.set(r, (votes.get(r) ?? 0) + 1);
    roleVotes.set(e.country, votes);
  }
  for (const e of unmatched) {
    const votes = roleVotes.get(e.country);
    let roles: RoleName[];
    if (votes && votes.size > 0) {
      const hos = votes.get('head of state') ?? 0;
      const hog = votes.get('head of government') ?? 0;
      roles = hos > hog ? ['head of state'] : hog > hos ? ['head of government'] : ['head of state', 'head of government'];
    } else {
      const gt = extras.govType.get(e.country) ?? '';
      roles = /parliamentary|constitutional monarchy/i.test(gt) ? ['head of government'] : ['head of state'];
    }
    const names = e.full ? [e.full] : [e.short];
    for (const role of roles) {
      const s: Spell = {
        src: e.src,
        country: e.country,
        role,
        title: null,
        sector: 'GOV',
        from: e.from,
        to: e.to,
        toUncertain: e.toUncertain,
        acting: false,
        names,
        surnames: nameTokens(e.short).length === 1 ? [e.short] : [],
        qid: null,
        weight: 0,
      };
      let c = findCluster(s);
      if (!c) {
        // the only person of the country with this name, even without overlapping dates
        const last = nameTokens(e.short).at(-1) ?? '';
        const named = clusters.filter(
          (k) =>
            k.countries.has(e.country) &&
            k.spells.some((x) => x.role) &&
            (k.names.some((n) => nameTokens(n).at(-1) === last) || k.spells.some((x) => x.surnames.some((sn) => fullKey(sn) === fullKey(e.short)))),
        );
        if (named.length === 1 && last.length > 3) c = named[0];
      }
      if (!c) {
        c = { spells: [], names: [], keys: new Set(), pairs: new Set(), countries: new Set(), effective: [] };
        clusters.push(c);
      }
      c.spells.push(s);
      index(c, s);
    }
  }

  // ---- office timelines: lower-priority spells only fill what higher ones leave open
  const owner = new Map<Spell, Cluster>();
  for (const c of clusters) for (const s of c.spells) owner.set(s, c);
  const byOffice = new Map<string, Spell[]>();
  for (const c of clusters)
    for (const s of c.spells) {
      if (!s.role) continue;
      const k = `${s.country}\u0000${s.role}`;
      byOffice.set(k, [...(byOffice.get(k) ?? []), s]);
    }
  const kept = new Map<Cluster, Role[]>();
  const officeKeys = [...byOffice.keys()].sort(cmp);
  for (const k of officeKeys) {
    const list = byOffice.get(k)!.sort((a, b) => PRIORITY[a.src] - PRIORITY[b.src] || cmp(a.from ?? '', b.from ?? ''));
    const multi = MULTI_HOLDER_ROLES.has(list[0].role);
    const covered: { from: string; to: string; c: Cluster; src: Src }[] = [];
    for (const s of list) {
      const c = owner.get(s)!;
      let pieces: [string, string][];
      if (multi) pieces = [[s.from ?? '0000-01-01', s.to ?? '9999-12-31']];
      else {
        // the same person's spell from a better source already says it
        const others = covered.filter((x) => x.c !== c || PRIORITY[x.src] < PRIORITY[s.src]);
        pieces = subtract(
          s.from,
          s.to,
          others.map((x) => [x.from, x.to]),
        );
      }
      const total = pieces.reduce((n, [a, b]) => n + (Date.parse(b === '9999-12-31' ? '2100-01-01' : b) - Date.parse(a === '0000-01-01' ? '1900-01-01' : a)), 0);
      for (const [a, b] of pieces) {
        const days = (Date.parse(b === '9999-12-31' ? '2100-01-01' : b) - Date.parse(a === '0000-01-01' ? '1900-01-01' : a)) / 86400000;
        if (days < 7 && total / 86400000 >= 7) continue; // drop slivers left by date disagreements
        // (hand-kept overlay rows are kept whatever their dates: they are there for older news)
        if (b !== '9999-12-31' && b < HORIZON && s.src !== 'overlay') continue;
        const role: Role = {
          country: s.country,
          role: s.role,
          title: s.title,
          sector: s.sector,
          from: a === '0000-01-01' ? null : a,
          to: b === '9999-12-31' ? null : b,
          source: s.src === 'overlay' ? 'overlay' : s.src,
        };
        if (s.acting) role.acting = true;
        if (s.toUncertain && b === (s.to ?? '9999-12-31')) role.toUncertain = true;
        kept.set(c, [...(kept.get(c) ?? []), role]);
        covered.push({ from: a, to: b, c, src: s.src });
      }
      if (!multi && pieces.length === 0) {
        // fully covered: keep nothing
      }
    }
  }

  // ---- one person's overlapping or touching spells of one office become one
  for (const [c, roles] of kept) {
    roles.sort((a, b) => cmp(a.country, b.country) || cmp(a.role, b.role) || cmp(a.from ?? '', b.from ?? ''));
    const merged: Role[] = [];
    for (const r of roles) {
      const prev = merged[merged.length - 1];
      if (prev && prev.country === r.country && prev.role === r.role && (prev.to === null || (r.from ?? '') <= prev.to)) {
        if (prev.to !== null && (r.to === null || r.to > prev.to)) {
          prev.to = r.to;
          if (r.toUncertain) prev.toUncertain = true;
          else delete prev.toUncertain;
        }
        continue;
      }
      merged.push({ ...r });
    }
    kept.set(c, merged);
  }

  // ---- people
  const people: Person[] = [];
  const latest: Record<string, string> = {};
  const usedIds = new Map<string, number>();
  const drafts: { c: Cluster; roles: Role[] }[] = [];
  for (const c of clusters) {
    const roles = (kept.get(c) ?? []).sort((a, b) => cmp(a.from ?? '', b.from ?? '') || cmp(a.country, b.country) || cmp(a.role, b.role));
    if (roles.length === 0) continue;
    drafts.push({ c, roles });
  }
  for (const { c, roles } of drafts) {
    const byWeight = [...c.spells].sort((a, b) => PRIORITY[a.src] - PRIORITY[b.src] || b.weight - a.weight);
    const overlayName = c.spells.find((s) => s.src === 'overlay')?.names[0];
    const wikiLabel = c.spells.filter((s) => s.src === 'wikidata' && s.names.length).sort((a, b) => b.weight - a.weight)[0]?.names[0];
    const fbName = c.spells.filter((s) => s.src === 'factbook').sort((a, b) => b.weight - a.weight)[0]?.names[0];
    const display = overlayName ?? wikiLabel ?? fbName ?? byWeight.find((s) => s.names.length)?.names[0] ?? '';
    if (!display) continue;
    const full: string[] = [display];
    const surnames: string[] = [];
    for (const s of byWeight) {
      full.push(...s.names);
      surnames.push(...s.surnames);
    }
    // family name first (Chinese, Korean): "Hu Jintao" is Mr Hu, "Roh Moo Hyun" is also "Roh Moo-hyun"
    // (a family name is one short syllable: "Michael Tsai", with an English given name, is Mr Tsai)
    const familyFirst = roles.some((r) => FAMILY_FIRST.has(r.country)) && (display.trim().split(/\s+/)[0]?.length ?? 9) <= 5;
    if (familyFirst) {
      for (const n of [...full]) {
        const t = cleanName(n).split(/\s+/);
        if (t.length === 3 && t.every((x) => /^\p{Lu}\p{Ll}+$/u.test(x))) full.push(`${t[0]} ${t[1]}-${t[2].toLowerCase()}`);
        const h = /^(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)-(\p{L}+)$/u.exec(cleanName(n));
        if (h) full.push(`${h[1]} ${h[2]} ${h[3][0].toUpperCase()}${h[3].slice(1).toLowerCase()}`);
      }
    }
    // derived forms: first + last name, surname from CountryInfo-style names
    for (const n of [...full]) {
      const t = cleanName(n).split(/\s+/);
      while (t.length > 1 && SUFFIXES.has(normName(t[t.length - 1]))) t.pop();
      const fbSur = c.spells.find((s) => s.src === 'factbook')?.surnames[0];
      const surnameFirst = familyFirst || (fbSur && t[0] && normName(t[0]) === normName(fbSur));
      // not for regnal names ("John Paul II") or names led by a title ("Pope Francis")
      const regnal = isRegnal(t[t.length - 1] ?? '') || TITLE_WORDS.has(normName(t[0] ?? ''));
      if (t.length >= 3 && !surnameFirst && !regnal) {
        const mid = t.slice(1, -1);
        if (mid.every((x) => /^\p{Lu}\.?$/u.test(x) || /^\p{Lu}\p{Ll}+$/u.test(x)) && !mid.some((x) => PARTICLES.has(normName(x)))) {
          full.push(`${t[0]} ${t[t.length - 1]}`);
        }
      }
    }
    if (surnames.length === 0) {
      const t = nameTokens(display);
      const words = display.trim().split(/\s+/);
      const lastTok = words.at(-1) ?? '';
      if (familyFirst && words.length >= 2) surnames.push(words[0]);
      else if (t.length >= 2 && !PARTICLES.has(normName(lastTok))) surnames.push(lastTok);
    }
    const qid = c.spells.find((s) => s.qid)?.qid ?? null;
    const firstRole = roles[0];
    let id = c.id ?? `${firstRole.country.toLowerCase()}-${slug(stripDiacritics(display))}`;
    const n = usedIds.get(id) ?? 0;
    usedIds.set(id, n + 1);
    if (n > 0) id = `${id}-${n + 1}`;
    people.push({
      id,
      name: display,
      aliases: uniqNames(full.map(cleanName)).filter((a) => nameTokens(a).length >= 2 || normName(a) === normName(display)),
      surnames: uniqNames(surnames).filter((s) => normName(s).length >= 2 && !isRegnal(s)),
      qid,
      roles,
    });
    for (const r of roles) {
      const d = r.to ?? r.from ?? '';
      if (d && d > (latest[r.source] ?? '')) latest[r.source] = d;
    }
  }
  people.sort((a, b) => cmp(a.id, b.id));
  return { people, offices, warnings, latest };
}
