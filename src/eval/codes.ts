/**
 * Actor and event codes as the evaluation sets write them, and how they compare with parley's.
 *
 * Country facts (ISO 3166-1 alpha-3 codes, English names, demonyms, capitals) are read at run
 * time from the shared knowledge-base sources (`kb-data/countries-mledoze/countries.json`) when
 * present; the CAMEO code list from `anchors/cameo-plover/cameo_master.tsv`. Without them, the
 * checks fall back to the shape of the code (documented at each use).
 */
import { readFileSync } from 'node:fs';
import { sharedPath } from '../shared-path.js';

/** Organisation codes of the gold guide, plus common ones an actor knowledge base may emit. */
export const IGO_CODES: ReadonlySet<string> = new Set([
  'UNO',
  'EUR',
  'NATO',
  'ASEAN',
  'AFU',
  'IAEA',
  'WHO',
  'IMF',
  'WTO',
  'OPEC',
  'ARL',
  'GCC',
  'SCO',
  'BRICS',
  'G7',
  'G20',
  'G8',
  'APEC',
  'OSCE',
  'OAS',
  'OIC',
  'ECOWAS',
  'SADC',
  'CIS',
  'ICC',
  'ICJ',
  'WB',
  'NAM',
  'COE',
  'IGO',
]);

/** Old or non-ISO country codes found in event data, mapped to ISO 3166-1 alpha-3. */
export const LEGACY_COUNTRY_CODES: Readonly<Record<string, string>> = {
  JAP: 'JPN',
  ITL: 'ITA',
  VTN: 'VNM',
  KUW: 'KWT',
  NZE: 'NZL',
  LEB: 'LBN',
  ROM: 'ROU',
  UAE: 'ARE',
  BUL: 'BGR',
  LTH: 'LTU',
  INS: 'IDN',
  ZAM: 'ZMB',
  IVO: 'CIV',
  UNK: 'GBR',
};

/** PETRARCH-style organisation codes ("IGO" + a suffix) mapped to the gold guide's codes. */
export const PETRARCH_IGO_CODES: Readonly<Record<string, string>> = {
  IGOEEU: 'EUR',
  IGOEUR: 'EUR',
  IGOAFR: 'AFU',
  IGOUNO: 'UNO',
  IGONAT: 'NATO',
  IGOWTO: 'WTO',
  IGOIMF: 'IMF',
};

export interface Country {
  code: string;
  /** English names, alternative spellings, demonyms and capitals (for finding it in a text). */
  names: string[];
}

let countryCache: Map<string, Country> | null | undefined;

/**
 * ISO 3166-1 alpha-3 countries with their English names, from the shared country table, or null
 * when it is absent. Read once.
 */
export function loadCountries(path = sharedPath('kb-data', 'countries-mledoze', 'countries.json')): Map<string, Country> | null {
  if (countryCache !== undefined && path === sharedPath('kb-data', 'countries-mledoze', 'countries.json')) return countryCache;
  let result: Map<string, Country> | null = null;
  if (path) {
    try {
      const rows = JSON.parse(readFileSync(path, 'utf8')) as {
        cca3: string;
        name: { common: string; official: string };
        altSpellings?: string[];
        capital?: string[];
        demonyms?: { eng?: { f?: string; m?: string } };
      }[];
      result = new Map();
      for (const r of rows) {
        const names = new Set<string>([r.name.common, r.name.official]);
        for (const a of r.altSpellings ?? []) if (a.length > 3 && !a.includes(',')) names.add(a);
        for (const c of r.capital ?? []) names.add(c.replace(/\s+D\.C\.$/, ''));
        if (r.demonyms?.eng?.m) names.add(r.demonyms.eng.m);
        if (r.demonyms?.eng?.f) names.add(r.demonyms.eng.f);
        result.set(r.cca3, { code: r.cca3, names: [...names] });
      }
    } catch {
      result = null;
    }
  }
  countryCache = result;
  return result;
}

/** Normalise a country code: upper case, legacy codes mapped to ISO. */
export function normaliseCountry(code: string): string {
  const c = code.trim().toUpperCase();
  return LEGACY_COUNTRY_CODES[c] ?? c;
}

/** True for an ISO alpha-3 code (by the shared table, else by shape: three capital letters). */
export function isCountryCode(code: string, countries = loadCountries()): boolean {
  if (countries) return countries.has(code);
  return /^[A-Z]{3}$/.test(code) && !IGO_CODES.has(code) && !NON_STATE.has(code);
}

/** Generic non-state codes used by CAMEO-era data (not countries, not organisations of states). */
const NON_STATE = new Set(['NGO', 'IMG', 'ISM', 'MNC', 'REB', 'UAF', 'CVL']);

/** True when `text` names the country (name, official name, demonym or capital) as a whole word. */
export function textNamesCountry(text: string, country: Country): boolean {
  return country.names.some((n) => new RegExp(`(?<![\\p{L}])${escapeRe(n)}(?![\\p{L}])`, 'u').test(text));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A CAMEO root as two digits ("4" → "04"), or null when it is not 01–20. */
export function normaliseRoot(root: string | number | null | undefined): string | null {
  if (root === null || root === undefined) return null;
  const s = String(root).trim();
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= 20 ? String(n).padStart(2, '0') : null;
}

/** The root of a CAMEO code ("0231" → "02", "190" → "19"), or null when the code is malformed. */
export function rootOfCode(code: string): string | null {
  const s = code.trim();
  if (!/^\d{2,4}$/.test(s)) return null;
  return normaliseRoot(s.slice(0, 2));
}

let cameoCache: Set<string> | null | undefined;

/** Every CAMEO code of the shared master table, or null when it is absent. Read once. */
export function loadCameoCodes(path = sharedPath('anchors', 'cameo-plover', 'cameo_master.tsv')): Set<string> | null {
  if (cameoCache !== undefined && path === sharedPath('anchors', 'cameo-plover', 'cameo_master.tsv')) return cameoCache;
  let result: Set<string> | null = null;
  if (path) {
    try {
      const lines = readFileSync(path, 'utf8').split(/\r?\n/);
      result = new Set(lines.slice(1).map((l) => l.split('\t')[0]).filter((c) => /^\d{2,4}$/.test(c)));
    } catch {
      result = null;
    }
  }
  cameoCache = result;
  return result;
}

/** True for a real CAMEO code: in the master table, else of the right shape with a root 01–20. */
export function isCameoCode(code: string, codes = loadCameoCodes()): boolean {
  if (codes) return codes.has(code);
  return /^\d{2,4}$/.test(code) && rootOfCode(code) !== null;
}
