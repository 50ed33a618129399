/**
 * Evaluation of the `actors` stage on the shared data (read at run time; nothing is copied):
 *
 * - `seedCheck`: every occurrence of the seed article's actor names (found in its text with word
 *   boundaries) and the reference cases the issue names, each with its resolution; errors counted.
 * - `ploverGsrActors`: accuracy of the resolved country/IGO code of the gold source and target
 *   actor spans of PLOVER_GSR_CAMEO.json, over the sides whose gold code is a country or 'IGO'
 *   (an armed group's code counts as its home country there, as the GSR codes groups by country).
 * - `agnewsOvergeneration`: mentions per document on the AG News World items and the most
 *   frequent resolved strings (to spot common words resolved as actors).
 * - `agnewsGoldActors`: held-out check on the AG News gold events: the share of gold source and
 *   target codes that appear among the article's mention codes.
 *
 * Each returns undefined when its shared file is absent. `formatActorEval` prints them.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Doc, Mention } from '../doc.js';
import { emptyLayers, lineBlocks } from '../doc.js';
import type { Context, Pipeline } from '../pipeline.js';
import { buildPipeline } from '../pipeline.js';
import { sharedPath } from '../shared-path.js';
import { newDoc } from '../output.js';
import '../extract/index.js';
import '../clean/index.js';
import '../nlp/segment.js';
import type { Kb } from './kb.js';
import { loadKb } from './kb.js';
import { actorsStage } from './stage.js';
import { registerStage } from '../pipeline.js';
import { isCountryCode, normaliseCountry } from '../eval/codes.js';

registerStage(actorsStage);

/** The date the issue gives for the seed article. */
export const SEED_DATE = '2022-07-30';
/** A date inside the AG News collection period (2004–2005); it has no publication dates. */
export const AGNEWS_DATE = '2004-09-01';

function textDoc(id: string, text: string): Doc {
  return { id, hash: createHash('sha256').update(text).digest('hex'), text, meta: {}, layers: { ...emptyLayers(), blocks: lineBlocks(text) }, diagnostics: [] };
}

/** A pipeline that segments and recognises line-block docs (no extraction, no cleaning). */
function textPipeline(kb: Kb, date: string): Pipeline {
  const ctx: Context = { config: { date }, kb };
  return buildPipeline(['segment', 'actors'], ctx, ['text', 'blocks']);
}

/** The mention that covers a character span best (largest overlap, then the first), if any. */
export function coveringMention(mentions: Mention[], start: number, end: number): Mention | undefined {
  let best: Mention | undefined;
  let bestOverlap = 0;
  for (const m of mentions) {
    const o = Math.min(end, m.end) - Math.max(start, m.start);
    if (o > bestOverlap) {
      best = m;
      bestOverlap = o;
    }
  }
  return best;
}

// ---- seed -------------------------------------------------------------------------------------

/** One checked occurrence in the seed. */
export interface SeedRow {
  /** 0-based line of the seed file. */
  line: number;
  text: string;
  /** What it must resolve to: a KB person id or a country/organisation code. */
  expected: string;
  /** The covering mention as "actor country sector (resolvedBy)", or null. */
  got: string | null;
  ok: boolean;
  /** Why the row is not counted (its line was dropped by `clean`), if so. */
  skipped?: string;
}

export interface SeedCheck {
  date: string;
  rows: SeedRow[];
  checked: number;
  errors: number;
  /** Every pronoun and description reference found, resolved or not (not scored unless listed in the issue). */
  references: { line: number; text: string; got: string | null }[];
}

/** Names in the seed article and what they denote (the issue's target list). */
const SEED_NAMES: [RegExp, string][] = [
  [/\bXi Jinping\b/g, 'chn-xi-jinping'],
  [/\bXi\b(?! Jinping)/g, 'chn-xi-jinping'],
  [/\bEbrahim Raisi\b/g, 'irn-ebrahim-raisi'],
  [/(?<!Ebrahim )\bRaisi\b/g, 'irn-ebrahim-raisi'],
  [/\bAndrzej Duda\b/g, 'pol-andrzej-duda'],
  [/(?<!Andrzej )\bDuda\b/g, 'pol-andrzej-duda'],
  [/\bChina\b/g, 'CHN'],
  [/\bIran\b/g, 'IRN'],
  [/\bPoland\b/g, 'POL'],
  [/\bBeijing\b/g, 'CHN'],
  [/\bTehran\b/g, 'IRN'],
  [/\bEuropean Union\b/g, 'EUR'],
  [/\bEU\b/g, 'EUR'],
];
/** The issue's reference cases: 0-based line, the phrase, what it denotes. */
const SEED_REFERENCES: [number, RegExp, string][] = [
  [5, /\bHe\b/, 'chn-xi-jinping'],
  [8, /\bThe president\b/i, 'chn-xi-jinping'],
  [18, /\bhis country\b/, 'POL'],
];
const REFERENCE_WORDS = /\b(?:he|she|his|her|the president|the prime minister|the minister|the two (?:sides|countries|leaders|nations)|both (?:sides|countries|leaders)|his country|her country|the country)\b/gi;

function describe(m: Mention | undefined): string | null {
  if (!m) return null;
  const who = m.person && m.person !== m.actor ? ` ${m.person}` : '';
  return `${m.actor} ${m.country ?? '-'} ${m.sector ?? '-'}${who} (${m.resolvedBy}${m.antecedent !== undefined ? ` ← #${m.antecedent}` : ''})`;
}

function matches(m: Mention | undefined, expected: string): boolean {
  if (!m) return false;
  return m.actor === expected || (expected.length <= 5 && expected === expected.toUpperCase() && m.country === expected && !m.person);
}

/**
 * Run the full text pipeline (extract, clean, segment, actors) on the seed article dated
 * 2022-07-30 and check every occurrence of its actor names and the issue's reference cases.
 */
export function seedCheck(kb: Kb = loadKb(), path = sharedPath('corpus', 'seed', 'seed.txt')): SeedCheck | undefined {
  if (!path) return undefined;
  const text = readFileSync(path, 'utf8');
  const ctx: Context = { config: { date: SEED_DATE }, kb };
  const pipeline = buildPipeline(['extract', 'clean', 'segment', 'actors'], ctx);
  const doc = newDoc('seed', createHash('sha256').update(text).digest('hex'), { text, origin: { path, format: 'text' } });
  pipeline.run(doc);
  const lines = doc.text.split('\n');
  const lineStart: number[] = [];
  let at = 0;
  for (const l of lines) {
    lineStart.push(at);
    at += l.length + 1;
  }
  const lineOf = (offset: number) => {
    let i = 0;
    while (i + 1 < lineStart.length && lineStart[i + 1] <= offset) i++;
    return i;
  };
  const dropped = new Set(doc.layers.blocks.filter((b) => b.dropped !== undefined).map((b) => b.line));
  const rows: SeedRow[] = [];
  const mentions = doc.layers.mentions;
  for (const [re, expected] of SEED_NAMES) {
    for (const m of doc.text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const line = lineOf(start);
      const cover = coveringMention(mentions, start, end);
      const row: SeedRow = { line, text: m[0], expected, got: describe(cover), ok: matches(cover, expected) };
      if (dropped.has(line)) row.skipped = 'line dropped by clean';
      rows.push(row);
    }
  }
  for (const [line, re, expected] of SEED_REFERENCES) {
    const l = lines[line] ?? '';
    const m = re.exec(l);
    if (!m) {
      rows.push({ line, text: re.source, expected, got: null, ok: false });
      continue;
    }
    const start = lineStart[line] + (m.index ?? 0);
    const cover = coveringMention(mentions, start, start + m[0].length);
    rows.push({ line, text: m[0], expected, got: describe(cover), ok: matches(cover, expected) });
  }
  rows.sort((a, b) => a.line - b.line);
  const references: SeedCheck['references'] = [];
  for (const m of doc.text.matchAll(REFERENCE_WORDS)) {
    const start = m.index ?? 0;
    const line = lineOf(start);
    if (dropped.has(line)) continue;
    const over = mentions.filter((x) => x.start < start + m[0].length && x.end > start);
    references.push({ line, text: m[0], got: over.length ? over.map(describe).join(' + ') : null });
  }
  const counted = rows.filter((r) => !r.skipped);
  return { date: SEED_DATE, rows, checked: counted.length, errors: counted.filter((r) => !r.ok).length, references };
}

// ---- PLOVER GSR ---------------------------------------------------------------------------------

export interface GsrMiss {
  id: string;
  side: 'source' | 'target';
  actorText: string;
  gold: string;
  predicted: string | null;
  /** 'no-mention' (no mention over the span), 'wrong-code', 'span-not-found'. */
  why: string;
}

export interface GsrActorScore {
  records: number;
  /** Sides whose gold code is a country or 'IGO'. */
  scored: number;
  correct: number;
  accuracy: number;
  /** Scored sides with any mention over the gold span. */
  covered: number;
  /** Accuracy over the covered sides. */
  precision: number;
  misses: GsrMiss[];
}

interface GsrActor {
  actorText?: unknown;
  code?: unknown;
}

/**
 * Find a gold actor's text in the sentence: exact, then case-insensitive. An elided span
 * ("U.S. ... negotiators") is scored on its first word, the actor's head modifier.
 */
function findSpan(text: string, actorText: string): [number, number] | undefined {
  const a = actorText.trim();
  if (!a) return undefined;
  let i = text.indexOf(a);
  if (i >= 0) return [i, i + a.length];
  i = text.toLowerCase().indexOf(a.toLowerCase());
  if (i >= 0) return [i, i + a.length];
  const words = a.split(/\s+/).filter((w) => /\w/.test(w) && w !== '...' && w !== '..');
  if (words.length >= 2) {
    const s = text.indexOf(words[0]);
    const last = words[words.length - 1];
    const e = s >= 0 ? text.indexOf(last, s) : -1;
    if (s >= 0 && e >= 0 && e - s < 120) return [s, s + words[0].length];
  }
  return undefined;
}

/**
 * Resolve the PLOVER GSR sentences (each on its record's date) and score the code of the mention
 * over each gold actor span: a country must equal the gold ISO code (legacy codes mapped); the
 * gold 'IGO' accepts any organisation of the KB.
 */
export function ploverGsrActors(kb: Kb = loadKb(), path = sharedPath('event-gold', 'plover-gsr-cameo', 'PLOVER_GSR_CAMEO.json')): GsrActorScore | undefined {
  if (!path) return undefined;
  const records = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
  const pipelines = new Map<string, Pipeline>();
  const score: GsrActorScore = { records: 0, scored: 0, correct: 0, accuracy: 0, covered: 0, precision: 0, misses: [] };
  for (const r of records) {
    if (!r || r.event === 'DOCUMENT' || typeof r.text !== 'string' || typeof r.id !== 'string') continue;
    score.records++;
    const date = typeof r.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(r.date) ? r.date.slice(0, 10) : '2000-01-01';
    let p = pipelines.get(date);
    if (!p) {
      p = textPipeline(kb, date);
      pipelines.set(date, p);
    }
    const doc = textDoc(r.id, r.text);
    p.run(doc);
    for (const side of ['source', 'target'] as const) {
      const list = r[side];
      if (!Array.isArray(list)) continue;
      for (const a of list as GsrActor[]) {
        if (!a || typeof a.code !== 'string' || typeof a.actorText !== 'string') continue;
        const gold = normaliseCountry(a.code);
        if (gold !== 'IGO' && !isCountryCode(gold)) continue;
        score.scored++;
        const span = findSpan(r.text, a.actorText);
        if (!span) {
          score.misses.push({ id: r.id, side, actorText: a.actorText, gold, predicted: null, why: 'span-not-found' });
          continue;
        }
        const m = coveringMention(doc.layers.mentions, span[0], span[1]);
        if (!m || !m.country) {
          score.misses.push({ id: r.id, side, actorText: a.actorText, gold, predicted: null, why: 'no-mention' });
          continue;
        }
        score.covered++;
        // the GSR codes armed groups by their home country (Hamas → PSE); parley gives them their own code
        const code = kb.group(m.country)?.country ?? m.country;
        const ok = gold === 'IGO' ? kb.org(m.country) !== undefined || kb.org(m.actor) !== undefined : (kb.country(code)?.code ?? code) === gold;
        if (ok) score.correct++;
        else score.misses.push({ id: r.id, side, actorText: a.actorText, gold, predicted: `${m.country} ("${m.text}", ${m.resolvedBy})`, why: 'wrong-code' });
      }
    }
  }
  score.accuracy = score.scored ? score.correct / score.scored : 0;
  score.precision = score.covered ? score.correct / score.covered : 0;
  return score;
}

// ---- AG News -----------------------------------------------------------------------------------

export interface Overgeneration {
  docs: number;
  mentions: number;
  perDoc: number;
  /** Documents by mention count (0, 1, 2, …, 10+). */
  histogram: number[];
  /** Most frequent resolved strings: text → actor, with counts. */
  top: { text: string; actor: string; resolvedBy: string; count: number }[];
  /** Mentions whose text starts in lower case and is not a coreference (common words resolved as actors). */
  lowercase: { text: string; actor: string; count: number }[];
  /** Most frequent person resolutions without a title or antecedent (surnames read alone). */
  bareNames: { text: string; actor: string; count: number }[];
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function topOf<T extends { count: number }>(m: Map<string, T>, n: number): T[] {
  return [...m.values()].sort((a, b) => b.count - a.count).slice(0, n);
}

/** Run the AG News World items (dated 2004-09-01) and count what is resolved. */
export function agnewsOvergeneration(kb: Kb = loadKb(), path = sharedPath('corpus', 'agnews-world', 'world.jsonl'), limit = 40): Overgeneration | undefined {
  if (!path) return undefined;
  const p = textPipeline(kb, AGNEWS_DATE);
  const out: Overgeneration = { docs: 0, mentions: 0, perDoc: 0, histogram: new Array(11).fill(0), top: [], lowercase: [], bareNames: [] };
  const top = new Map<string, { text: string; actor: string; resolvedBy: string; count: number }>();
  const lower = new Map<string, { text: string; actor: string; count: number }>();
  const bare = new Map<string, { text: string; actor: string; count: number }>();
  for (const r of readJsonl(path)) {
    if (typeof r.text !== 'string') continue;
    const doc = textDoc(String(r.id), r.text);
    p.run(doc);
    out.docs++;
    const ms = doc.layers.mentions;
    out.mentions += ms.length;
    out.histogram[Math.min(10, ms.length)]++;
    for (const m of ms) {
      const key = `${m.text}\u0000${m.actor}`;
      const t = top.get(key) ?? { text: m.text, actor: m.actor, resolvedBy: m.resolvedBy, count: 0 };
      t.count++;
      top.set(key, t);
      if (/^[a-z]/.test(m.text) && !m.resolvedBy.startsWith('coref')) {
        const l = lower.get(key) ?? { text: m.text, actor: m.actor, count: 0 };
        l.count++;
        lower.set(key, l);
      }
      if (m.resolvedBy === 'alias' && m.person) {
        const b = bare.get(key) ?? { text: m.text, actor: m.actor, count: 0 };
        b.count++;
        bare.set(key, b);
      }
    }
  }
  out.perDoc = out.docs ? out.mentions / out.docs : 0;
  out.top = topOf(top, limit);
  out.lowercase = topOf(lower, limit);
  out.bareNames = topOf(bare, limit);
  return out;
}

export interface GoldActorRecall {
  docs: number;
  /** Gold event sides (source and target) with a code. */
  sides: number;
  /** Sides whose code is among the document's mention codes. */
  found: number;
  recall: number;
  /** Mention codes of the gold documents that no gold event uses (not errors: context for over-generation). */
  unusedCodes: number;
  misses: { id: string; code: string; name: string | null }[];
}

/**
 * Held-out check on the AG News gold events (not used for tuning): how many gold source/target
 * codes the stage finds among each article's mentions.
 */
export function agnewsGoldActors(
  kb: Kb = loadKb(),
  goldPath = sharedPath('corpus', 'agnews-world', 'gold.jsonl'),
  textPath = sharedPath('corpus', 'agnews-world', 'world.jsonl'),
): GoldActorRecall | undefined {
  if (!goldPath || !textPath) return undefined;
  const texts = new Map<string, string>();
  for (const r of readJsonl(textPath)) if (typeof r.text === 'string') texts.set(String(r.id), r.text);
  const p = textPipeline(kb, AGNEWS_DATE);
  const out: GoldActorRecall = { docs: 0, sides: 0, found: 0, recall: 0, unusedCodes: 0, misses: [] };
  for (const g of readJsonl(goldPath)) {
    const text = texts.get(String(g.id));
    const events = Array.isArray(g.events) ? (g.events as Record<string, unknown>[]) : [];
    if (!text || events.length === 0) continue;
    const doc = textDoc(String(g.id), text);
    p.run(doc);
    out.docs++;
    const codes = new Set(doc.layers.mentions.map((m) => m.country).filter((c): c is string => c !== null));
    const used = new Set<string>();
    const seen = new Set<string>();
    for (const e of events) {
      for (const [code, name] of [
        [e.src, e.src_name],
        [e.tgt, e.tgt_name],
      ] as [unknown, unknown][]) {
        if (typeof code !== 'string' || !code) continue;
        used.add(code);
        if (seen.has(code)) continue;
        seen.add(code);
        out.sides++;
        if (codes.has(code)) out.found++;
        else out.misses.push({ id: String(g.id), code, name: typeof name === 'string' ? name : null });
      }
    }
    for (const c of codes) if (!used.has(c)) out.unusedCodes++;
  }
  out.recall = out.sides ? out.found / out.sides : 0;
  return out;
}

// ---- printing -----------------------------------------------------------------------------------

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A printable report of every evaluation whose data is present. */
export function formatActorEval(parts: { seed?: SeedCheck; gsr?: GsrActorScore; over?: Overgeneration; gold?: GoldActorRecall }, opts: { misses?: number } = {}): string {
  const out: string[] = [];
  const { seed, gsr, over, gold } = parts;
  if (seed) {
    out.push(`== seed (date ${seed.date}): ${seed.checked} occurrences checked, ${seed.errors} errors`);
    for (const r of seed.rows) {
      const mark = r.skipped ? 'skip' : r.ok ? 'ok  ' : 'MISS';
      out.push(`  ${mark} L${r.line} ${JSON.stringify(r.text)} expect ${r.expected} → ${r.got ?? '(none)'}${r.skipped ? ` [${r.skipped}]` : ''}`);
    }
    out.push('  references found (pronouns, descriptions, pairs):');
    for (const r of seed.references) out.push(`    L${r.line} ${JSON.stringify(r.text)} → ${r.got ?? '(unresolved)'}`);
  }
  if (gsr) {
    out.push(`== plover-gsr-cameo: actor code accuracy ${pct(gsr.accuracy)} (${gsr.correct}/${gsr.scored} sides with a country or IGO code; ${gsr.records} records); covered ${gsr.covered}, accuracy over covered ${pct(gsr.precision)}`);
    const byWhy = new Map<string, number>();
    for (const m of gsr.misses) byWhy.set(m.why, (byWhy.get(m.why) ?? 0) + 1);
    out.push(`  misses: ${[...byWhy].map(([w, n]) => `${w} ${n}`).join(', ') || 'none'}`);
    for (const m of gsr.misses.slice(0, opts.misses ?? 200)) out.push(`    ${m.id} ${m.side} ${JSON.stringify(m.actorText)} gold ${m.gold} → ${m.predicted ?? '-'} [${m.why}]`);
  }
  if (over) {
    out.push(`== agnews-world over-generation (date ${AGNEWS_DATE}): ${over.docs} docs, ${over.mentions} mentions, ${over.perDoc.toFixed(2)} per doc`);
    out.push(`  docs by mention count 0..10+: ${over.histogram.join(' ')}`);
    out.push('  most frequent resolved strings:');
    for (const t of over.top) out.push(`    ${String(t.count).padStart(4)} ${JSON.stringify(t.text)} → ${t.actor} (${t.resolvedBy})`);
    out.push('  lower-case strings resolved (not coreference):');
    for (const t of over.lowercase) out.push(`    ${String(t.count).padStart(4)} ${JSON.stringify(t.text)} → ${t.actor}`);
    out.push('  people resolved from a bare KB name (no title, no antecedent):');
    for (const t of over.bareNames) out.push(`    ${String(t.count).padStart(4)} ${JSON.stringify(t.text)} → ${t.actor}`);
  }
  if (gold) {
    out.push(`== agnews-world gold actors (held out): ${gold.found}/${gold.sides} gold source/target codes found among mentions (${pct(gold.recall)}) in ${gold.docs} docs; ${gold.unusedCodes} mention codes not in any gold event`);
    for (const m of gold.misses.slice(0, opts.misses ?? 200)) out.push(`    ${m.id} ${m.code}${m.name ? ` (${m.name})` : ''}`);
  }
  return out.join('\n');
}
