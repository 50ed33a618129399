/**
 * People on a date: what a person acts as on the document date (country, sector, office), which
 * office holder a title with a partial name denotes ("President Xi" → the one person in an office
 * titled "president" on the date whose name has the token "Xi"), and the name tokens a later
 * partial name may repeat.
 */
import type { Kb } from './kb.js';
import { roleValidOn } from './kb.js';
import type { Person, Role } from './kb-types.js';
import { foldToken } from './recognise-gazetteer.js';

/** What a person acts as on a date. */
export interface PersonFacts {
  /** The state or organisation the person acts for, or null when it cannot be told. */
  country: string | null;
  /** CAMEO agent code of the office; 'ELI' for someone whose offices all ended; null otherwise. */
  sector: string | null;
  /** The office held on the date in `country`, or null. */
  role: string | null;
}

/** Preferred office when a person holds several in one country on the date. */
const ROLE_ORDER = ['head of state', 'head of government', 'secretary-general', 'foreign minister', 'defence minister', 'deputy head of state', 'deputy head of government'];

function roleRank(r: Role): number {
  const i = ROLE_ORDER.indexOf(r.role);
  return i < 0 ? ROLE_ORDER.length : i;
}

/** The country the KB's name index gives for a person (its build picks the main one). */
function indexedCountry(kb: Kb, person: Person): string | null {
  for (const e of kb.lookupName(person.name, { anyCase: true })) {
    if (e.kind === 'person' && e.id === person.id) return e.country;
  }
  return null;
}

function isState(kb: Kb, code: string): boolean {
  return kb.country(code)?.independent === true;
}

/** The code as the KB's canonical country record spells it (UNK → its canonical code). */
function canonicalCode(kb: Kb, code: string): string {
  return kb.country(code)?.code ?? code;
}

/**
 * What `person` acts as on `date`. `hint` is a country the text attaches to the person ("Chinese
 * President Xi"); `noun` a title the text gives ("president"), used to pick among offices.
 * Country choice: the hinted country if the person holds an office there; else the one
 * independent state among the offices held on the date, else the country the KB's name index
 * gives; a person with no office on the date keeps the one state of all their offices.
 */
export function personFacts(kb: Kb, person: Person, date: string | null, hint?: string | null, noun?: string | null): PersonFacts {
  if (date === null) return undatedFacts(kb, person, hint);
  const on = person.roles.filter((r) => roleValidOn(r, date));
  if (on.length > 0) {
    let pool = on;
    const h = hint ? canonicalCode(kb, hint) : null;
    if (h && on.some((r) => r.country === h)) pool = on.filter((r) => r.country === h);
    else {
      const states = [...new Set(pool.filter((r) => isState(kb, r.country) || kb.org(r.country)).map((r) => r.country))];
      let country: string | undefined;
      if (states.length === 1) country = states[0];
      else {
        const idx = indexedCountry(kb, person);
        if (idx && pool.some((r) => r.country === idx)) country = idx;
        else if (states.length > 1) return { country: null, sector: 'GOV', role: null };
      }
      if (country) pool = pool.filter((r) => r.country === country);
    }
    let pick: Role | undefined;
    if (noun) {
      const office = kb.officeFor(pool[0].country, noun);
      pick = pool.find((r) => r.role === office);
    }
    pick ??= [...pool].sort((a, b) => roleRank(a) - roleRank(b))[0];
    return { country: pick.country, sector: pick.sector || 'GOV', role: pick.role };
  }
  const all = [...new Set(person.roles.map((r) => canonicalCode(kb, r.country)))];
  const states = all.filter((c) => isState(kb, c) || kb.org(c) !== undefined);
  let country: string | null = null;
  if (states.length === 1) country = states[0];
  else if (states.length === 0 && all.length === 1) country = all[0];
  else if (states.length === 0 && all.length === 0) country = indexedCountry(kb, person);
  if (hint && (country === null || all.includes(canonicalCode(kb, hint)))) country = canonicalCode(kb, hint);
  const ended = person.roles.some((r) => r.to !== null && r.to <= date);
  const started = person.roles.some((r) => r.from === null || r.from <= date);
  return { country, sector: ended && started ? 'ELI' : null, role: null };
}

/**
 * What a person acts as when the document date is unknown: the country of their offices (the
 * hinted one if they held an office there, else the one state among them, else the name index's),
 * the sector of their highest office, and no office (which one they hold then cannot be told).
 */
function undatedFacts(kb: Kb, person: Person, hint?: string | null): PersonFacts {
  const h = hint ? canonicalCode(kb, hint) : null;
  let pool = person.roles;
  if (h && pool.some((r) => canonicalCode(kb, r.country) === h)) pool = pool.filter((r) => canonicalCode(kb, r.country) === h);
  const states = [...new Set(pool.map((r) => canonicalCode(kb, r.country)).filter((c) => isState(kb, c) || kb.org(c) !== undefined))];
  let country: string | null = null;
  if (states.length === 1) country = states[0];
  else {
    const idx = indexedCountry(kb, person);
    if (idx && (states.length === 0 || states.includes(canonicalCode(kb, idx)))) country = idx;
    else if (states.length === 0 && h) country = h;
  }
  const top = [...pool].filter((r) => country === null || canonicalCode(kb, r.country) === canonicalCode(kb, country)).sort((a, b) => roleRank(a) - roleRank(b))[0];
  return { country, sector: top ? top.sector || 'GOV' : null, role: null };
}

/** Folded tokens of a person's names, aliases and surnames (what a partial name may repeat). */
export function personNameKeys(person: Person): Set<string> {
  const keys = new Set<string>();
  for (const n of [person.name, ...person.aliases, ...person.surnames]) addNameKeys(n, keys);
  return keys;
}

const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu', 'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ter', 'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'ii', 'iii', 'iv']);

/** Add the folded tokens of a name (split on spaces and hyphens; particles and initials left out). */
export function addNameKeys(name: string, into: Set<string>): Set<string> {
  for (const part of name.split(/[\s\-‐‑–—]+/)) {
    const k = foldToken(part).replace(/[,'"()]/g, '');
    if (k.length < 2 || PARTICLES.has(k)) continue;
    into.add(k);
  }
  return into;
}

interface Holding {
  person: Person;
  role: Role;
}

const byDate = new WeakMap<Kb, Map<string, Map<string, Holding[]>>>();

/** Office holders on a date (every holder ever, for null) indexed by each folded token of their names (cached). */
function holdersByToken(kb: Kb, date: string | null): Map<string, Holding[]> {
  let perKb = byDate.get(kb);
  if (!perKb) {
    perKb = new Map();
    byDate.set(kb, perKb);
  }
  const cacheKey = date ?? 'any';
  let idx = perKb.get(cacheKey);
  if (idx) return idx;
  idx = new Map();
  for (const p of kb.allPeople()) {
    const roles = date === null ? p.roles : p.roles.filter((r) => roleValidOn(r, date));
    if (roles.length === 0) continue;
    const keys = personNameKeys(p);
    for (const k of keys) {
      const list = idx.get(k) ?? [];
      for (const role of roles) list.push({ person: p, role });
      idx.set(k, list);
    }
  }
  if (perKb.size >= 16) perKb.delete(perKb.keys().next().value as string);
  perKb.set(cacheKey, idx);
  return idx;
}

/**
 * The one person who, on `date`, holds an office that the title `noun` denotes in the office's
 * country ("president" → head of state in China, head of government in Iran) and whose names
 * contain every token in `nameKeys`. `country` narrows to one country. With `date` null, anyone
 * who ever held such an office. Undefined when nobody or more than one person fits.
 */
export function titledHolder(kb: Kb, date: string | null, noun: string, nameKeys: string[], country?: string | null): Person | undefined {
  if (nameKeys.length === 0) return undefined;
  const idx = holdersByToken(kb, date);
  const first = idx.get(nameKeys[0]);
  if (!first) return undefined;
  const found = new Set<Person>();
  for (const h of first) {
    if (country && h.role.country !== canonicalCode(kb, country)) continue;
    if (kb.officeFor(h.role.country, noun) !== h.role.role) continue;
    const keys = personNameKeys(h.person);
    if (nameKeys.every((k) => keys.has(k))) found.add(h.person);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Levenshtein distance of two short strings, stopping early above `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * A misspelt name after a title ("President Bouteflicka"): the one person who ever held an office
 * the title denotes and whose name tokens match every token of the text, each exactly or, for
 * tokens of five letters or more, with one letter added, dropped or changed. Undefined when nobody
 * or more than one person fits (`country` narrows to one country).
 */
export function fuzzyTitledHolder(kb: Kb, noun: string, nameKeys: string[], country?: string | null): Person | undefined {
  if (nameKeys.length === 0 || !nameKeys.some((k) => k.length >= 5)) return undefined;
  // Every call walks all the people of the KB: remember the answer per KB (the same unknown
  // titled names come back article after article).
  let memo = fuzzyMemo.get(kb);
  if (!memo) fuzzyMemo.set(kb, (memo = new Map()));
  const key = `${noun}\u0000${country ?? ''}\u0000${nameKeys.join('\u0000')}`;
  if (memo.has(key)) return memo.get(key);
  const found = fuzzySearch(kb, noun, nameKeys, country);
  if (memo.size >= 20_000) memo.clear();
  memo.set(key, found);
  return found;
}

const fuzzyMemo = new WeakMap<Kb, Map<string, Person | undefined>>();

function fuzzySearch(kb: Kb, noun: string, nameKeys: string[], country?: string | null): Person | undefined {
  const close = (k: string, keys: Set<string>): boolean => {
    if (keys.has(k)) return true;
    if (k.length < 5) return false;
    for (const p of keys) if (p.length >= 5 && editDistance(k, p, 1) <= 1) return true;
    return false;
  };
  const found = new Set<Person>();
  const c = country ? canonicalCode(kb, country) : null;
  for (const p of kb.allPeople()) {
    if (!p.roles.some((r) => (!c || r.country === c) && kb.officeFor(r.country, noun) === r.role)) continue;
    const keys = personNameKeys(p);
    if (nameKeys.every((k) => close(k, keys))) found.add(p);
    if (found.size > 1) return undefined;
  }
  return found.size === 1 ? [...found][0] : undefined;
}
