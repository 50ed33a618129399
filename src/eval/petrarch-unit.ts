/**
 * The PETRARCH unit-test records (shared/anchors/petrarch2/PETR.UnitTest.records.flat.jsonl):
 * one sentence each with the events a coder should produce.
 *
 * Most records use fictional countries (Arnor, Gondor, ...) and test-only event codes, and some
 * fictional places reuse ISO codes (Eriador is coded ERI). Only records we can judge are kept:
 * - no coder-error and no no-event records, and at least one expected event;
 * - every expected event code is a real CAMEO code (shared CAMEO master table; without it, a
 *   2-4 digit code with a root 01-20);
 * - every actor is a real state or organisation: the first three letters of a country code
 *   (sectors such as GOV dropped; legacy codes like KUW mapped to ISO) must be an ISO 3166-1 code
 *   that the sentence names (English name, demonym or capital, from the shared country table;
 *   without the table the code's shape is trusted), or a PETRARCH organisation code we map
 *   (IGOEEU → EUR, IGOAFR → AFU, UNO); '---' (no country) and other codes drop the record.
 * Each dropped record is listed with its reason.
 *
 * A record passes when the set of predicted (source, target, code) triples equals the expected
 * set (`passRate`); `rootPassRate` compares roots instead of full codes. Predicted codes are
 * compared at country level ("USA"), as expected codes are reduced to it.
 */
import { readFileSync } from 'node:fs';
import { sharedPath } from '../shared-path.js';
import type { Country } from './codes.js';
import {
  IGO_CODES,
  PETRARCH_IGO_CODES,
  isCameoCode,
  isCountryCode,
  loadCameoCodes,
  loadCountries,
  normaliseCountry,
  rootOfCode,
  textNamesCountry,
} from './codes.js';
import type { LoadedSet } from './eval-item.js';
import type { PredEvent } from './pred-event.js';
import type { Figures } from './score-events.js';
import { ratio } from './score-events.js';

export const PETRARCH_UNIT_SET = 'petrarch2-unit';

export interface PetrarchExpected {
  source: string;
  target: string;
  code: string;
  root: string;
}

export interface PetrarchGold {
  id: string;
  category: string;
  expected: PetrarchExpected[];
}

export interface PetrarchSet extends LoadedSet<PetrarchGold> {
  /** Records in the file. */
  total: number;
  dropped: { id: string; reason: string }[];
}

export interface PetrarchLoadOptions {
  /** Country table (default: the shared one, when present). */
  countries?: Map<string, Country> | null;
  /** CAMEO codes (default: the shared master table, when present). */
  cameoCodes?: Set<string> | null;
}

/** `19950101` → `1995-01-01`. */
function isoDate(d: unknown): string | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(String(d ?? ''));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** The real actor a PETRARCH code stands for in `text`, or the reason it is not one. */
function realActor(code: string, text: string, countries: Map<string, Country> | null): string | { reason: string } {
  const c = code.trim().toUpperCase();
  if (!c || c.startsWith('---')) return { reason: `actor '${code}' has no country` };
  if (PETRARCH_IGO_CODES[c]) return PETRARCH_IGO_CODES[c];
  if (IGO_CODES.has(c) && c !== 'IGO') return c;
  if (c.startsWith('IGO')) return { reason: `organisation code '${code}' is not one we map` };
  const country = normaliseCountry(c.slice(0, 3));
  if (!isCountryCode(country, countries)) return { reason: `'${code}' is not a real country` };
  if (countries) {
    const info = countries.get(country)!;
    if (!textNamesCountry(text, info)) return { reason: `the sentence does not name ${country} (code '${code}')` };
  }
  return country;
}

/**
 * Load the unit-test records that use real CAMEO codes and real actors (see the module comment);
 * undefined when the file is absent. Unreadable lines are listed in `problems`.
 */
export function loadPetrarchUnit(
  path = sharedPath('anchors', 'petrarch2', 'PETR.UnitTest.records.flat.jsonl'),
  options: PetrarchLoadOptions = {},
): PetrarchSet | undefined {
  if (!path) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const countries = options.countries === undefined ? loadCountries() : options.countries;
  const cameo = options.cameoCodes === undefined ? loadCameoCodes() : options.cameoCodes;
  const out: PetrarchSet = { set: PETRARCH_UNIT_SET, items: [], gold: new Map(), problems: [], total: 0, dropped: [] };
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let r: Record<string, any>;
    try {
      r = JSON.parse(line);
    } catch (e) {
      out.problems.push(`${path}:${i + 1}: not valid JSON (${(e as Error).message})`);
      return;
    }
    out.total++;
    const id = String(r.id ?? `line-${i + 1}`);
    const drop = (reason: string) => out.dropped.push({ id, reason });
    if (typeof r.text !== 'string' || !r.text.trim()) return drop('no text');
    if (r.expect_error) return drop('expects a coder error');
    const expected: unknown[] = Array.isArray(r.expected) ? r.expected : [];
    if (r.expect_no_events || expected.length === 0) return drop('expects no events');
    const events: PetrarchExpected[] = [];
    for (const e of expected as Record<string, unknown>[]) {
      const code = String(e.eventcode ?? '').trim();
      if (!isCameoCode(code, cameo)) return drop(`event code '${code}' is not a CAMEO code`);
      const source = realActor(String(e.sourcecode ?? ''), r.text, countries);
      if (typeof source !== 'string') return drop(source.reason);
      const target = realActor(String(e.targetcode ?? ''), r.text, countries);
      if (typeof target !== 'string') return drop(target.reason);
      if (!events.some((x) => x.source === source && x.target === target && x.code === code)) {
        events.push({ source, target, code, root: rootOfCode(code)! });
      }
    }
    const published = isoDate(r.date);
    out.items.push(published ? { id, text: r.text, published } : { id, text: r.text });
    out.gold.set(id, { id, category: String(r.category ?? ''), expected: events });
  });
  return out;
}

export interface PetrarchMiss {
  id: string;
  category: string;
  expected: string[];
  predicted: string[];
}

export interface PetrarchScore {
  kind: 'petrarch-unit';
  set: string;
  figures: Figures;
  counts: { records: number; passed: number; rootPassed: number; expected: number; found: number; predicted: number; predictedRight: number };
  misses: PetrarchMiss[];
}

function actor(code: string | null): string | null {
  if (!code) return null;
  const c = code.trim().toUpperCase();
  if (IGO_CODES.has(c)) return c;
  return c.length > 3 && !IGO_CODES.has(c) ? normaliseCountry(c.slice(0, 3)) : normaliseCountry(c);
}

/**
 * Pass rates on the kept records: `passRate` (exact set of (source, target, code)),
 * `rootPassRate` (same at root level), `rootRecall` (expected triples found at root level) and
 * `rootPrecision` (predicted triples that are expected, at root level). Predictions without
 * source or target are ignored; records without predictions fail.
 */
export function scorePetrarchUnit(gold: Map<string, PetrarchGold>, predicted: Map<string, PredEvent[]>): PetrarchScore {
  const counts = { records: 0, passed: 0, rootPassed: 0, expected: 0, found: 0, predicted: 0, predictedRight: 0 };
  const misses: PetrarchMiss[] = [];
  for (const [id, g] of gold) {
    counts.records++;
    const exp = new Set(g.expected.map((e) => `${e.source}>${e.target}:${e.code}`));
    const expRoot = new Set(g.expected.map((e) => `${e.source}>${e.target}:${e.root}`));
    const got = new Set<string>();
    const gotRoot = new Set<string>();
    for (const p of predicted.get(id) ?? []) {
      const s = actor(p.source);
      const t = actor(p.target);
      if (!s || !t) continue;
      got.add(`${s}>${t}:${p.code}`);
      const root = rootOfCode(p.code) ?? p.root;
      gotRoot.add(`${s}>${t}:${root}`);
    }
    const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
    if (same(exp, got)) counts.passed++;
    const rootOk = same(expRoot, gotRoot);
    if (rootOk) counts.rootPassed++;
    counts.expected += expRoot.size;
    counts.predicted += gotRoot.size;
    for (const x of expRoot) if (gotRoot.has(x)) counts.found++;
    for (const x of gotRoot) if (expRoot.has(x)) counts.predictedRight++;
    if (!rootOk) misses.push({ id, category: g.category, expected: [...exp], predicted: [...got] });
  }
  return {
    kind: 'petrarch-unit',
    set: PETRARCH_UNIT_SET,
    figures: {
      passRate: ratio(counts.passed, counts.records),
      rootPassRate: ratio(counts.rootPassed, counts.records),
      rootRecall: ratio(counts.found, counts.expected),
      rootPrecision: ratio(counts.predictedRight, counts.predicted),
    },
    counts,
    misses,
  };
}
