/**
 * Build step: the country table (ISO 3166-1 alpha-3 backbone from mledoze/countries, names,
 * demonyms and capitals from the Factbook and CountryInfo, codes from countrycode, hand-kept
 * additions from the overlay).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Country } from './kb-types.js';
import type { CountryRow } from './kb-overlay.js';
import { cmp, isLatin, readCsv, titleCase, uniqNames } from './kb-build-io.js';
import { normName } from './kb-normalize.js';

interface Mledoze {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  independent?: boolean | null;
  unMember?: boolean;
}

/** Extra data the people step needs about countries. */
export interface CountryExtras {
  /** GEC (FIPS) code → ISO3. */
  gecToIso: Map<string, string>;
  /** COW numeric code → ISO3. */
  cowToIso: Map<number, string>;
  /** Factbook government type by ISO3. */
  govType: Map<string, string>;
}

/** "Iranian(s)" → Iranian, Iranians; "Frenchman(men)" → Frenchman, Frenchmen. */
export function nationalityForms(text: string): string[] {
  const out: string[] = [];
  const cleaned = text.split(/;\s*note/i)[0];
  for (const part0 of cleaned.split(/,|;|\bor\b/)) {
    let part = part0.replace(/\((singular and plural|singular|plural|collective plural)\)/gi, '').trim();
    part = part.replace(/^\(|\)$/g, '').trim();
    if (!part || /^none$/i.test(part)) continue;
    const m = /^(.+?)\s*\((\w+)\)$/.exec(part);
    if (m) {
      const base = m[1].trim();
      const suf = m[2];
      out.push(base);
      if (suf === 's' || suf === 'es') out.push(base + suf);
      else if (suf === 'men' && base.endsWith('man')) out.push(base.slice(0, -3) + 'men');
      else if (suf === 'women' && base.endsWith('woman')) out.push(base.slice(0, -5) + 'women');
      continue;
    }
    if (/[()]/.test(part)) continue;
    out.push(part);
  }
  return out.filter((s) => /^[\p{L}][\p{L}'\- ]*$/u.test(s));
}

/** Capital names from a Factbook capital field (variants in parentheses kept when they are names). */
export function capitalForms(text: string): string[] {
  const out: string[] = [];
  for (const seg0 of text.split(';')) {
    const seg = seg0.trim();
    if (!seg || /^note\b/i.test(seg) || /^[a-z]/.test(seg)) continue;
    for (const piece of seg.split(/\),\s*/)) {
      const m = /^([^(]+?)\s*(?:\((.*))?$/.exec(piece.trim());
      if (!m) continue;
      const main = m[1].trim().replace(/,$/, '');
      if (main && /^\p{Lu}/u.test(main)) out.push(main);
      const inner = (m[2] ?? '').replace(/\)$/, '');
      if (inner && /^\p{Lu}/u.test(inner) && !/capital|located|\bon\b|\bin\b|\bis\b|city|seat/i.test(inner)) {
        for (const v of inner.split(/[,/]/)) if (v.trim()) out.push(v.trim());
      }
    }
  }
  return out;
}

/** Parse CountryInfo's `<Capital>` blocks: ISO3 → capital names. */
function countryInfoCapitals(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const block of text.split('<Country>').slice(1)) {
    const code = /<CountryCode>(\w{3})<\/CountryCode>/.exec(block)?.[1];
    const cap = /<Capital>([\s\S]*?)<\/Capital>/.exec(block)?.[1];
    if (!code || !cap) continue;
    const names = cap
      .split('\n')
      .map((l) => l.split('#')[0].trim())
      .filter((l) => l.length > 0)
      .map((l) => titleCase(l.replace(/_+$/, '').replace(/_/g, ' ')));
    out.set(code, names);
  }
  return out;
}

/** Build the country table. `rows` are the overlay's country rows. */
export function buildCountries(shared: string, rows: CountryRow[]): { countries: Country[]; extras: CountryExtras } {
  const kb = join(shared, 'kb-data');
  const mledoze = JSON.parse(readFileSync(join(kb, 'countries-mledoze', 'countries.json'), 'utf8')) as Mledoze[];
  const codelist = readCsv(join(kb, 'countrycode-crosswalk', 'codelist_without_cldr.csv'));
  const profiles = readCsv(join(kb, 'factbook', 'derived', 'factbook_country_profiles_2026-01.csv'));
  const ciText = readFileSync(join(kb, 'countryinfo', 'CountryInfo.120116.txt'), 'latin1');
  const ciCaps = countryInfoCapitals(ciText);

  const extraCodes = new Map<string, string[]>();
  for (const r of rows) if (r.field === 'code') extraCodes.set(r.code, [...(extraCodes.get(r.code) ?? []), r.value]);
  // mledoze's Kosovo is UNK; the KB uses XKX (the Factbook's, EU's and IMF's code) with UNK/KSV as aliases.
  const rename = new Map<string, string>();
  for (const [code, alts] of extraCodes) for (const a of alts) rename.set(a, code);
  const iso = (c: string) => rename.get(c) ?? c;

  const cowToIso = new Map<number, string>();
  const gecToIso = new Map<string, string>();
  const cowOf = new Map<string, number>();
  const gecOf = new Map<string, string>();
  for (const { values: v } of codelist) {
    const code = v.iso3c && v.iso3c !== 'NA' ? iso(v.iso3c) : '';
    if (!code) continue;
    const cown = Number(v.cown);
    if (v.cown && v.cown !== 'NA' && Number.isFinite(cown)) {
      if (!cowToIso.has(cown)) cowToIso.set(cown, code);
      if (!cowOf.has(code)) cowOf.set(code, cown);
    }
    if (v.fips && v.fips !== 'NA') {
      const g = v.fips.toLowerCase();
      if (!gecToIso.has(g)) gecToIso.set(g, code);
      if (!gecOf.has(code)) gecOf.set(code, g);
    }
  }
  const profileOf = new Map<string, Record<string, string>>();
  const govType = new Map<string, string>();
  for (const { values: v } of profiles) {
    if (!v.iso3) continue;
    const code = iso(v.iso3);
    if (!profileOf.has(code)) profileOf.set(code, v);
    govType.set(code, v.government_type ?? '');
    if (v.gec) gecToIso.set(v.gec.toLowerCase(), code);
    if (v.gec && !gecOf.has(code)) gecOf.set(code, v.gec.toLowerCase());
  }

  const countries: Country[] = [];
  for (const m of mledoze) {
    const code = iso(m.cca3);
    const p = profileOf.get(code);
    const names: string[] = [m.name.common, m.name.official];
    for (const a of m.altSpellings ?? []) {
      if (a.length <= 2 || a === m.cca2) continue;
      if (!isLatin(a)) continue;
      names.push(a);
    }
    const demonyms: string[] = [];
    const eng = m.demonyms?.eng;
    if (eng) demonyms.push(eng.m, eng.f);
    const capitals: string[] = [...(m.capital ?? [])];
    if (p) {
      if (p.short_name && !/^none$/i.test(p.short_name) && !p.short_name.includes(',')) names.push(p.short_name);
      const long = (p.long_name ?? '').split(';')[0].trim();
      if (long && !/^none$/i.test(long)) names.push(long);
      for (const a of (p.abbreviation ?? '').split(/,|\bor\b/)) if (a.trim().length > 1) names.push(a.trim());
      for (const f of (p.former ?? '').split(/[,;]|\bor\b/)) {
        const t = f.trim();
        if (t && /^\p{Lu}/u.test(t) && !/soviet|socialist|people's|republic of|kingdom of|protectorate|colony/i.test(t)) names.push(t);
      }
      demonyms.push(...nationalityForms(p.nationality_adjective ?? ''), ...nationalityForms(p.nationality_noun ?? ''));
      capitals.push(...capitalForms(p.capital ?? ''));
    }
    capitals.push(...(ciCaps.get(code) ?? []));
    const c: Country = {
      code,
      name: m.name.common,
      official: m.name.official === m.name.common ? null : m.name.official,
      names: [],
      demonyms: [],
      prefixes: [],
      capitals: [],
      seats: [],
      buildings: [],
      independent: m.independent === true,
      unMember: m.unMember === true,
      parent: null,
      offices: {},
      cow: cowOf.get(code) ?? null,
      gec: gecOf.get(code) ?? null,
    };
    const codes = extraCodes.get(code);
    if (code !== m.cca3) c.codes = uniqNames([m.cca3, ...(codes ?? [])].filter((x) => x !== code)).sort(cmp);
    else if (codes) c.codes = [...codes].sort(cmp);
    const names2 = [...names];
    const demonyms2 = [...demonyms];
    const capitals2 = [...capitals];
    for (const r of rows) {
      if (r.code !== code) continue;
      switch (r.field) {
        case 'name':
          c.name = r.value;
          names2.unshift(r.value);
          break;
        case 'alt':
        case 'abbrev':
          names2.push(r.value);
          break;
        case 'demonym':
        case 'plural':
          demonyms2.push(r.value);
          break;
        case 'prefix':
          c.prefixes.push(r.value);
          break;
        case 'capital':
          capitals2.push(r.value);
          break;
        case 'seat':
          c.seats.push(r.value);
          break;
        case 'building':
          c.buildings.push({ name: r.value, sector: r.sector ?? 'GOV' });
          break;
        case 'city':
          (c.places ??= []).push(r.value);
          break;
        case 'code':
          break;
      }
    }
    c.names = uniqNames(names2.filter((n) => n.length > 1));
    c.demonyms = uniqNames(demonyms2);
    c.capitals = uniqNames(capitals2);
    c.seats = uniqNames(c.seats).filter((s) => !c.capitals.some((k) => normName(k) === normName(s)));
    c.prefixes = uniqNames(c.prefixes);
    if (c.places) c.places = uniqNames(c.places).filter((k) => !c.capitals.some((x) => normName(x) === normName(k)));
    countries.push(c);
  }
  addPhoenixSpellings(kb, countries);
  countries.sort((a, b) => cmp(a.code, b.code));
  return { countries, extras: { gecToIso, cowToIso, govType } };
}

/**
 * Spelling variants the PETRARCH country dictionary lists for a country ("Ethopia", "Phillippines",
 * "Isreali"): a synonym of the country's block within two letters of one of its names (or
 * demonyms) becomes another name (or demonym), unless the spelling is already a name of anything.
 */
function addPhoenixSpellings(kb: string, countries: Country[]): void {
  const path = join(kb, 'phoenix-petrarch2', 'derived', 'Phoenix.Countries.actors.jsonl');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  const byCode = new Map<string, Country>();
  for (const c of countries) {
    byCode.set(c.code, c);
    for (const a of c.codes ?? []) byCode.set(a, c);
  }
  const taken = new Set<string>();
  for (const c of countries) for (const n of [...c.names, ...c.demonyms, ...c.capitals, ...c.seats, ...(c.places ?? [])]) taken.add(normName(n));
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as { synonyms: string[]; codes: { code: string }[] };
    if (e.codes.length !== 1 || e.codes[0].code.length !== 3) continue;
    const c = byCode.get(e.codes[0].code);
    if (!c) continue;
    for (const raw of e.synonyms) {
      const syn = raw.replace(/_/g, ' ').trim();
      const key = normName(syn);
      if (key.length < 6 || /[^a-z' -]/.test(key) || taken.has(key)) continue;
      // a misspelling, not a plural ("Cubans") or a shorter or longer word ("Antigua", "Argentinean")
      const near = (list: string[]) =>
        list.some((n) => {
          const k = normName(n);
          if (k.startsWith(key) || key.startsWith(k) || (key.endsWith('s') && !k.endsWith('s'))) return false;
          return Math.abs(k.length - key.length) <= 2 && spellingDistance(k, key) <= 2;
        });
      const form = titleCase(syn.toLowerCase());
      if (near(c.names)) c.names.push(form);
      else if (near(c.demonyms)) c.demonyms.push(form);
      else continue;
      taken.add(key);
    }
  }
}

/** Levenshtein distance (small strings; the build only). */
function spellingDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}
