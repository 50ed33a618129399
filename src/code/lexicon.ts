/**
 * The verb/noun lexicon: `data/lexicon/*.yaml`, written by this project, readable by analysts.
 * Each pattern maps a verb lemma (with optional particle, object nouns, required and excluded
 * words) or an event noun to a CAMEO code and says where the target actor is found. The format is
 * documented in `data/lexicon/README.md`; this module loads and validates it.
 *
 * YAML is read with the failsafe schema (every scalar is a string), so "041" never turns into 41
 * and "no" never turns into false; this module converts and checks every field itself.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { ParleyError } from '../errors.js';
import type { CameoTable } from './cameo.js';
import { loadCameo } from './cameo.js';
import { dataDir } from './data-dir.js';
import { FormIndex } from './inflect.js';

/** Where a pattern looks for its target actor. */
export type TargetSlot =
  | { kind: 'object' }
  | { kind: 'prep'; prep: string }
  /** Nouns only: "talks between A and B". */
  | { kind: 'between' }
  /** Verbs only: the object of the clause the verb reports ("warned it would answer any Brazilian move"). */
  | { kind: 'complement' }
  /** Verbs only: the actor the reported clause is about, its subject ("said Iran was hiding ..." → Iran). */
  | { kind: 'about' }
  /** Verbs only: the subject of a that-clause after the object ("investigated reports that Iran ..." → Iran). */
  | { kind: 'claim' };

export interface ExpectedEvent {
  source: string;
  target: string;
  code: string;
}

export interface PatternExample {
  text: string;
  expect: ExpectedEvent[];
}

export interface Pattern {
  id: string;
  /** File name the pattern came from (for messages). */
  file: string;
  code: string;
  /** Verb lemmas (a verb pattern) ... */
  verb?: string[];
  /** ... or event-noun lemmas (a noun pattern). */
  noun?: string[];
  /** Particles that must follow the verb or its object ("call off", "pull out"). */
  particle?: string[];
  /** The verb's direct object must contain one of these noun lemmas. */
  object?: string[];
  /** One of these words must occur in the clause (verbs: after the trigger; nouns: in the noun phrase). */
  requires?: string[];
  /** The pattern does not fire when one of these words occurs in the clause after the trigger. */
  unless?: string[];
  /** The word that must come right after the target ("called on X to ..."). */
  followedBy?: string;
  target: TargetSlot[];
  /**
   * Nouns only: where the source is found when the noun has no possessor and no host clause
   * ("protests in Canada over X": the people of the place after `in`).
   */
  source?: TargetSlot[];
  /** Code the reverse direction too (calls, meetings, talks). */
  symmetric: boolean;
  /** Code the reverse direction with this code (a visit: 042 visitor→host, 043 host→visitor). */
  reverse?: string;
  /** Code used instead when the source is a non-state armed group ("Taliban fighters bombed X": 183, not 195). */
  nonState?: string;
  /** Code used when the act is announced or intended rather than done; null: code nothing. */
  future?: string | null;
  /** Whether the passive voice ("was attacked by X") is coded. */
  passive: boolean;
  /**
   * 'reported': the trigger (a modal or "be") sits in a clause reported by a speech verb; the
   * speaker is the source and the clause's subject the target ("X said Y must leave", "X said Y's
   * war was illegal").
   */
  frame?: 'reported';
  /**
   * A fallback pattern codes only when nothing else is coded in its sentence ("X said Y ..." is a
   * statement about Y only when what Y did is no event of the lexicon).
   */
  fallback: boolean;
  /** Verbs only: every source must have one of these sectors (GOV: leaders, ministers, governments). */
  sourceSector?: string[];
  examples: PatternExample[];
  note?: string;
  /** How many constraints the pattern has (plus its `priority`); the most specific pattern wins on one trigger. */
  specificity: number;
  /** Position in load order (ties on specificity go to the earlier pattern). */
  order: number;
}

export interface Lexicon {
  readonly patterns: readonly Pattern[];
  readonly files: readonly string[];
  /** Verb patterns by verb lemma. */
  readonly byVerb: ReadonlyMap<string, Pattern[]>;
  /** Noun patterns by noun lemma. */
  readonly byNoun: ReadonlyMap<string, Pattern[]>;
  /** Surface forms of every verb lemma of the lexicon (for headlines and participles). */
  readonly verbForms: FormIndex;
  /** The pattern with this id, if any. */
  get(id: string): Pattern | undefined;
}

export interface LexiconProblem {
  file: string;
  where: string;
  why: string;
}

const PATTERN_KEYS = new Set([
  'id',
  'code',
  'verb',
  'noun',
  'particle',
  'object',
  'requires',
  'unless',
  'followedBy',
  'target',
  'symmetric',
  'reverse',
  'future',
  'passive',
  'example',
  'expect',
  'also',
  'note',
  'priority',
  'frame',
  'source',
  'nonState',
  'fallback',
  'sourceSector',
]);
const FILE_KEYS = new Set(['root', 'title', 'note', 'patterns']);
const ID_RE = /^[a-z0-9][a-z0-9.-]*$/;
const WORD_RE = /^\p{Ll}[\p{Ll}'-]*$/u;
const ACTOR_RE = /^[A-Z][A-Z0-9]{1,11}$/;

type Raw = unknown;

function isMap(v: Raw): v is Record<string, Raw> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parse one expected event: "KEN>UGA 041" or {source, target, code}. */
function parseExpect(v: Raw, cameo: CameoTable): ExpectedEvent | string {
  let source: Raw;
  let target: Raw;
  let code: Raw;
  if (typeof v === 'string') {
    const m = /^\s*([A-Z][A-Z0-9]*)\s*(?:>|->)\s*([A-Z][A-Z0-9]*)\s+(\d{2,4})\s*$/.exec(v);
    if (!m) return `expected event '${v}' is not of the form "SRC>TGT CODE" (e.g. "KEN>UGA 041")`;
    [, source, target, code] = m;
  } else if (isMap(v)) {
    ({ source, target, code } = v);
  } else return 'an expected event must be "SRC>TGT CODE" or {source, target, code}';
  if (typeof source !== 'string' || !ACTOR_RE.test(source)) return `expected source '${String(source)}' is not an actor code`;
  if (typeof target !== 'string' || !ACTOR_RE.test(target)) return `expected target '${String(target)}' is not an actor code`;
  if (typeof code !== 'string' || !cameo.has(code)) return `expected code '${String(code)}' is not a CAMEO code`;
  return { source, target, code };
}

function wordList(v: Raw, key: string, problems: string[]): string[] | undefined {
  if (v === undefined) return undefined;
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(`'${key}' must be a word or a non-empty list of words`);
    return undefined;
  }
  const out: string[] = [];
  for (const w of list) {
    if (typeof w !== 'string' || !WORD_RE.test(w)) problems.push(`'${key}' has '${String(w)}', which is not a lower-case word`);
    else out.push(w);
  }
  return out;
}

function bool(v: Raw, key: string, dflt: boolean, problems: string[]): boolean {
  if (v === undefined) return dflt;
  if (v === 'true') return true;
  if (v === 'false') return false;
  problems.push(`'${key}' must be true or false, not '${String(v)}'`);
  return dflt;
}

function parseTarget(v: Raw, isNoun: boolean, problems: string[]): TargetSlot[] {
  if (v === undefined) return isNoun ? [{ kind: 'prep', prep: 'with' }] : [{ kind: 'object' }];
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push("'target' must be a slot or a list of slots (object, prep:<word>, between)");
    return [];
  }
  const out: TargetSlot[] = [];
  for (const s of list) {
    if (s === 'object' && !isNoun) out.push({ kind: 'object' });
    else if (s === 'between' && isNoun) out.push({ kind: 'between' });
    else if (s === 'complement' && !isNoun) out.push({ kind: 'complement' });
    else if (s === 'about' && !isNoun) out.push({ kind: 'about' });
    else if (s === 'claim' && !isNoun) out.push({ kind: 'claim' });
    else if (typeof s === 'string' && /^prep:[a-z]+$/.test(s)) out.push({ kind: 'prep', prep: s.slice(5) });
    else
      problems.push(
        `'target' has '${String(s)}'; use ${isNoun ? "'prep:<word>' or 'between'" : "'object', 'prep:<word>', 'complement', 'about' or 'claim'"}`,
      );
  }
  return out;
}

function parseExamples(p: Record<string, Raw>, cameo: CameoTable, problems: string[]): PatternExample[] {
  const out: PatternExample[] = [];
  const one = (text: Raw, expect: Raw, where: string, mustHaveEvents: boolean) => {
    if (typeof text !== 'string' || text.trim() === '') {
      problems.push(`${where}: 'example' must be a sentence`);
      return;
    }
    if (!Array.isArray(expect)) {
      problems.push(`${where}: 'expect' must be a list of expected events (may be [] only under 'also')`);
      return;
    }
    if (mustHaveEvents && expect.length === 0) {
      problems.push(`${where}: the main example must expect at least one event`);
      return;
    }
    const ev: ExpectedEvent[] = [];
    for (const e of expect) {
      const r = parseExpect(e, cameo);
      if (typeof r === 'string') problems.push(`${where}: ${r}`);
      else ev.push(r);
    }
    out.push({ text, expect: ev });
  };
  if (p.example === undefined) problems.push("'example' is missing: every pattern needs an example sentence");
  else one(p.example, p.expect, 'example', true);
  if (p.also !== undefined) {
    if (!Array.isArray(p.also)) problems.push("'also' must be a list of {example, expect}");
    else
      p.also.forEach((a, i) => {
        if (!isMap(a)) problems.push(`also[${i}] must be a mapping {example, expect}`);
        else one(a.example, a.expect, `also[${i}]`, false);
      });
  }
  return out;
}

/**
 * Validate the parsed YAML of one lexicon file. Returns the patterns that are valid and a problem
 * for everything that is not (a problem names the file, the entry id and what is wrong).
 */
export function parseLexiconFile(
  file: string,
  doc: Raw,
  cameo: CameoTable,
  orderBase = 0,
): { patterns: Pattern[]; problems: LexiconProblem[] } {
  const problems: LexiconProblem[] = [];
  const patterns: Pattern[] = [];
  if (!isMap(doc) || !Array.isArray(doc.patterns)) {
    problems.push({ file, where: 'file', why: "the file must be a mapping with a 'patterns' list" });
    return { patterns, problems };
  }
  for (const k of Object.keys(doc)) {
    if (!FILE_KEYS.has(k)) problems.push({ file, where: 'file', why: `unknown key '${k}' (allowed: ${[...FILE_KEYS].join(', ')})` });
  }
  const root = doc.root;
  if (root !== undefined && (typeof root !== 'string' || !/^\d\d$/.test(root) || !cameo.has(root))) {
    problems.push({ file, where: 'file', why: `'root' must be a two-digit CAMEO root, not '${String(root)}'` });
  }
  doc.patterns.forEach((p: Raw, i: number) => {
    const errs: string[] = [];
    if (!isMap(p)) {
      problems.push({ file, where: `entry ${i + 1}`, why: 'a pattern must be a mapping' });
      return;
    }
    const id = typeof p.id === 'string' && ID_RE.test(p.id) ? p.id : undefined;
    const where = id ? `pattern '${id}'` : `entry ${i + 1}`;
    if (!id) errs.push(`'id' must be lower-case letters, digits, dots and dashes, not '${String(p.id)}'`);
    for (const k of Object.keys(p)) if (!PATTERN_KEYS.has(k)) errs.push(`unknown key '${k}'`);
    const code = typeof p.code === 'string' ? p.code : '';
    if (!cameo.has(code) || code.length < 3) errs.push(`'code' must be a three- or four-digit CAMEO code, not '${String(p.code)}'`);
    else if (typeof root === 'string' && cameo.root(code) !== root) errs.push(`code ${code} is not under this file's root ${root}`);
    const verb = wordList(p.verb, 'verb', errs);
    const noun = wordList(p.noun, 'noun', errs);
    if ((verb ? 1 : 0) + (noun ? 1 : 0) !== 1) errs.push("a pattern needs exactly one of 'verb' or 'noun'");
    const isNoun = !!noun;
    const particle = wordList(p.particle, 'particle', errs);
    const object = wordList(p.object, 'object', errs);
    if (isNoun && (object || particle)) errs.push("'object' and 'particle' apply to verb patterns only");
    const requires = wordList(p.requires, 'requires', errs);
    const unless = wordList(p.unless, 'unless', errs);
    let followedBy: string | undefined;
    if (p.followedBy !== undefined) {
      if (typeof p.followedBy !== 'string' || !WORD_RE.test(p.followedBy)) errs.push("'followedBy' must be one word");
      else followedBy = p.followedBy;
    }
    const target = parseTarget(p.target, isNoun, errs);
    let source: TargetSlot[] | undefined;
    if (p.source !== undefined) {
      if (!isNoun) errs.push("'source' applies to noun patterns only");
      else source = parseTarget(p.source, true, errs).filter((t) => t.kind === 'prep');
    }
    const symmetric = bool(p.symmetric, 'symmetric', false, errs);
    const passive = bool(p.passive, 'passive', !isNoun, errs);
    const fallback = bool(p.fallback, 'fallback', false, errs);
    let sourceSector: string[] | undefined;
    if (p.sourceSector !== undefined) {
      const list = typeof p.sourceSector === 'string' ? [p.sourceSector] : p.sourceSector;
      if (isNoun) errs.push("'sourceSector' applies to verb patterns only");
      else if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string' && /^[A-Z]{3}$/.test(x))) errs.push("'sourceSector' must be a sector code (GOV, MIL ...) or a list of them");
      else sourceSector = list as string[];
    }
    let reverse: string | undefined;
    if (p.reverse !== undefined) {
      if (typeof p.reverse !== 'string' || !cameo.has(p.reverse)) errs.push(`'reverse' must be a CAMEO code, not '${String(p.reverse)}'`);
      else reverse = p.reverse;
      if (symmetric) errs.push("'reverse' and 'symmetric: true' exclude each other");
    }
    let nonState: string | undefined;
    if (p.nonState !== undefined) {
      if (typeof p.nonState !== 'string' || !cameo.has(p.nonState)) errs.push(`'nonState' must be a CAMEO code, not '${String(p.nonState)}'`);
      else nonState = p.nonState;
    }
    let future: string | null | undefined;
    if (p.future !== undefined) {
      if (p.future === 'none') future = null;
      else if (typeof p.future !== 'string' || !cameo.has(p.future)) errs.push(`'future' must be a CAMEO code or none, not '${String(p.future)}'`);
      else future = p.future;
    }
    if (p.note !== undefined && typeof p.note !== 'string') errs.push("'note' must be text");
    let frame: 'reported' | undefined;
    if (p.frame !== undefined) {
      if (p.frame !== 'reported') errs.push(`'frame' must be 'reported', not '${String(p.frame)}'`);
      else if (isNoun) errs.push("'frame: reported' applies to verb patterns only");
      else frame = 'reported';
    }
    let priority = 0;
    if (p.priority !== undefined) {
      if (typeof p.priority !== 'string' || !/^-?\d$/.test(p.priority)) errs.push("'priority' must be a whole number from -9 to 9");
      else priority = Number(p.priority);
    }
    const examples = parseExamples(p, cameo, errs);
    if (errs.length) {
      for (const why of errs) problems.push({ file, where, why });
      return;
    }
    const specificity = (object ? 2 : 0) + (particle ? 2 : 0) + (requires ? 2 : 0) + (followedBy ? 1 : 0) + (sourceSector ? 1 : 0) + priority;
    patterns.push({
      id: id!,
      file,
      code,
      ...(verb ? { verb } : {}),
      ...(noun ? { noun } : {}),
      ...(particle ? { particle } : {}),
      ...(object ? { object } : {}),
      ...(requires ? { requires } : {}),
      ...(unless ? { unless } : {}),
      ...(followedBy ? { followedBy } : {}),
      target,
      ...(source ? { source } : {}),
      symmetric,
      ...(reverse ? { reverse } : {}),
      ...(future !== undefined ? { future } : {}),
      ...(nonState ? { nonState } : {}),
      passive,
      fallback,
      ...(sourceSector ? { sourceSector } : {}),
      ...(frame ? { frame } : {}),
      examples,
      ...(typeof p.note === 'string' ? { note: p.note } : {}),
      specificity,
      order: orderBase + i,
    });
  });
  return { patterns, problems };
}

/** Build the lookup structure over validated patterns. Duplicate ids are reported as problems. */
export function lexiconOf(patterns: Pattern[], files: string[] = []): { lexicon: Lexicon; problems: LexiconProblem[] } {
  const problems: LexiconProblem[] = [];
  const byId = new Map<string, Pattern>();
  const byVerb = new Map<string, Pattern[]>();
  const byNoun = new Map<string, Pattern[]>();
  const kept: Pattern[] = [];
  for (const p of patterns) {
    const dup = byId.get(p.id);
    if (dup) {
      problems.push({ file: p.file, where: `pattern '${p.id}'`, why: `id already used in ${dup.file}` });
      continue;
    }
    byId.set(p.id, p);
    kept.push(p);
    for (const v of p.verb ?? []) (byVerb.get(v) ?? byVerb.set(v, []).get(v)!).push(p);
    for (const n of p.noun ?? []) (byNoun.get(n) ?? byNoun.set(n, []).get(n)!).push(p);
  }
  const lexicon: Lexicon = Object.freeze({
    patterns: Object.freeze(kept),
    files: Object.freeze([...files]),
    byVerb,
    byNoun,
    verbForms: new FormIndex(byVerb.keys()),
    get: (id: string) => byId.get(id),
  });
  return { lexicon, problems };
}

/** Read and validate every `*.yaml` file of a folder; problems are returned, not thrown. */
export function readLexiconDir(dir: string, cameo: CameoTable): { lexicon: Lexicon; problems: LexiconProblem[] } {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const problems: LexiconProblem[] = [];
  const patterns: Pattern[] = [];
  for (const f of files) {
    let doc: Raw;
    try {
      doc = parse(readFileSync(join(dir, f), 'utf8'), { schema: 'failsafe', uniqueKeys: true, prettyErrors: true });
    } catch (e) {
      problems.push({ file: f, where: 'file', why: `not valid YAML: ${(e as Error).message.split('\n')[0]}` });
      continue;
    }
    const r = parseLexiconFile(f, doc, cameo, patterns.length);
    patterns.push(...r.patterns);
    problems.push(...r.problems);
  }
  const r = lexiconOf(patterns, files);
  return { lexicon: r.lexicon, problems: [...problems, ...r.problems] };
}

let shared: Lexicon | undefined;

/**
 * The lexicon shipped in `data/lexicon/` (loaded once per process), or the one in `dir`.
 * Throws `PARLEY_LEXICON_INVALID` naming the file, the entry and what is wrong when any entry is
 * invalid (`details.problems` lists every problem found).
 */
export function loadLexicon(dir?: string, cameo: CameoTable = loadCameo()): Lexicon {
  if (!dir && shared) return shared;
  const folder = dir ?? join(dataDir(), 'lexicon');
  const { lexicon, problems } = readLexiconDir(folder, cameo);
  if (problems.length) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new ParleyError('PARLEY_LEXICON_INVALID', {
      file: join(basename(folder), first.file),
      where: first.where,
      why: first.why + more,
      problems,
    });
  }
  if (!dir) shared = lexicon;
  return lexicon;
}
