/**
 * The `code` stage: reads sentences, tokens and actor mentions, writes `doc.layers.events`.
 *
 * Every sentence is matched against the lexicon (src/code/match.ts); candidates become events,
 * de-duplicated within the article to one event per (source, target, CAMEO code) that keeps every
 * mention as an evidence entry. Each coded event leaves one `code:pattern` info diagnostic naming
 * the pattern and the matched span; each refused trigger leaves the guard's diagnostic.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic, Doc, Event, EventActor, Evidence, Mention } from '../doc.js';
import type { Context } from '../pipeline.js';
import { stage } from '../pipeline.js';
import { eventDate, isBackgroundDate } from '../dates/index.js';
import type { CameoTable } from './cameo.js';
import { loadCameo } from './cameo.js';
import { SentenceView } from './clause.js';
import type { Lexicon } from './lexicon.js';
import type { Kb } from '../actors/kb.js';
import { loadLexicon } from './lexicon.js';
import type { Candidate, Refusal } from './match.js';
import { matchSentence } from './match.js';

declare module '../pipeline.js' {
  interface Context {
    /** The CAMEO table (loaded by the `code` stage when absent). */
    cameo?: CameoTable;
    /** The verb/noun lexicon (loaded by the `code` stage when absent). */
    lexicon?: Lexicon;
  }
}

export interface CodeOptions {
  /** Events below this confidence are not written (default 0: keep all). */
  minConfidence?: number;
}

/** The canonical name of an actor code (a country, organisation or group), when known. */
export type ActorNames = (code: string) => string | undefined;

/** Canonical names from the actor knowledge base: country, organisation or group name. */
export function kbActorNames(kb: Kb): ActorNames {
  return (code) => kb.country(code)?.name ?? kb.org(code)?.name ?? kb.group(code)?.name;
}

/** Deterministic event id: the first 16 hex digits of sha256(docId|source|target|code). */
export function eventId(docId: string, source: string, target: string, code: string): string {
  return createHash('sha256').update(`${docId}|${source}|${target}|${code}`).digest('hex').slice(0, 16);
}

/**
 * The event actor of a mention. Its `name` is canonical: the person's name, else the name of the
 * state, organisation or group it acts for ("his country" → "Poland"); the surface text is only
 * the fallback when no name is known (the evidence spans keep the words of the text).
 */
function actorOf(m: Mention, names?: ActorNames): EventActor {
  const name = m.person ?? (names && (names(m.actor) ?? (m.country ? names(m.country) : undefined))) ?? m.text;
  return { code: m.country, name, sector: m.sector, person: m.person };
}

const nounSets = new WeakMap<Lexicon, ReadonlySet<string>>();

/** The event nouns of a lexicon (cached per lexicon). */
function eventNounsOf(lexicon: Lexicon): ReadonlySet<string> {
  let set = nounSets.get(lexicon);
  // a noun that is also a lexicon verb stays promotable to a headline verb ("Kenya arrests key
  // suspect", "Iran bans British papers") unless it names a two-sided act ("EU talks process")
  const twoSided = (n: string): boolean => (lexicon.byNoun.get(n) ?? []).some((p) => p.symmetric || p.target.some((t) => t.kind === 'between'));
  if (!set) nounSets.set(lexicon, (set = new Set([...lexicon.byNoun.keys()].filter((n) => !lexicon.byVerb.has(n) || twoSided(n)))));
  return set;
}

/** Words that open a clause of its own after a trigger ("granted asylum to rebels who fled two years ago"). */
const CLAUSE_OPENERS = new Set(['who', 'which', 'whom', 'whose', 'when', 'where', 'since', 'because', 'after', 'before', 'while']);

/**
 * The time expression at `timeStart` lies in a later clause of its own, opened after the trigger by
 * a relative or subordinating word with a verb of its own, or by a participle after a noun: it dates
 * that clause, not the trigger ("paid compensation for assets lost when Amin expelled them 18 years
 * ago", "handed over two men suspected of a bombing in 1988").
 */
function inLaterClause(view: SentenceView, trigger: number, timeStart: number): boolean {
  let opened = false;
  for (let k = trigger + 1; k < view.length && view.tokens[k].start < timeStart; k++) {
    // a reduced relative after a noun: "two nationals suspected by the West of ... in 1988"
    if (k > trigger + 1 && view.isVerb(k) && /ed$/.test(view.norm(k)) && (view.pos(k - 1) === 'NOUN' || view.pos(k - 1) === 'PROPN') && /^(by|of|for|in|over|with)$/.test(view.norm(k + 1))) return true;
    if (CLAUSE_OPENERS.has(view.norm(k)) && view.pos(k) !== 'ADP') opened = true;
    else if (view.norm(k) === 'that' && view.pos(k) !== 'DET') opened = true;
    else if (opened && view.isVerb(k)) return true;
  }
  return false;
}

/** Confidence of one candidate: lower for headlines, derived directions, nouns and coreference. */
function confidenceOf(c: Candidate, view: SentenceView): number {
  let x = 0.9;
  if (view.headline) x -= 0.1;
  if (c.derived !== 'direct') x -= 0.05;
  if (c.frame === 'adjunct' || c.frame === 'possessor' || c.frame === 'between' || c.frame === 'object' || c.frame === 'modifier') x -= 0.05;
  if (c.frame === 'location') x -= 0.1;
  if (c.frame === 'passive') x -= 0.05;
  if (c.modality !== 'asserted') x -= 0.05;
  // a family fallback ("sought X's backing", "withdrew from X") is read from a verb's family, not a specific pattern
  if (c.pattern.fallback) x -= 0.1;
  for (const m of [c.source, c.target]) if (m.antecedent !== undefined || String(m.resolvedBy).startsWith('coref')) x -= 0.05;
  return Math.round(Math.max(0.3, x) * 100) / 100;
}

/**
 * Code one document: returns its events (sorted by first evidence) and pushes diagnostics onto
 * `doc.diagnostics`. Pure apart from the diagnostics; the stage assigns the result to the layer.
 */
export function codeDoc(doc: Doc, cameo: CameoTable, lexicon: Lexicon, options: CodeOptions & { published?: string; names?: ActorNames } = {}): Event[] {
  const published = doc.meta.published ?? options.published;
  const bySentence = new Map<number, Mention[]>();
  for (const m of doc.layers.mentions) {
    let list = bySentence.get(m.sentence);
    if (!list) bySentence.set(m.sentence, (list = []));
    list.push(m);
  }
  const eventNouns = eventNounsOf(lexicon);
  const events = new Map<string, Event>();
  const firstPattern = new Map<string, { c: Candidate; view: SentenceView }>();
  const diag = (d: Omit<Diagnostic, 'severity' | 'source'>) => doc.diagnostics.push({ severity: 'info', source: 'code', ...d });
  const refused = (view: SentenceView, r: Refusal) => {
    const t = view.tokens[r.trigger];
    diag({ ruleId: r.ruleId, reason: r.reason, start: t.start, end: t.end, note: `pattern ${r.pattern.id}` });
  };

  for (const sentence of doc.layers.sentences) {
    const mentions = bySentence.get(sentence.id);
    if (!mentions || mentions.length === 0) continue;
    const view = new SentenceView(doc, sentence.id, lexicon.verbForms, mentions, eventNouns);
    const result = matchSentence(view, lexicon, cameo);
    for (const r of result.refusals) refused(view, r);
    for (const c of result.candidates) {
      const trig = view.tokens[c.trigger];
      const when = eventDate(doc, sentence.id, { published: options.published, anchor: trig.start });
      if (
        when.time !== undefined &&
        doc.layers.times[when.time]?.sentence === sentence.id &&
        isBackgroundDate(when.date, published, { granularity: when.granularity }) &&
        !inLaterClause(view, c.trigger, doc.layers.times[when.time].start)
      ) {
        refused(view, { ...c, ruleId: 'code:background', reason: `'${view.surface(c.trigger)}' is dated ${when.date}, background history` });
        continue;
      }
      const entry = cameo.get(c.code);
      if (!entry || !c.source.country || !c.target.country) continue;
      const key = `${c.source.country}|${c.target.country}|${c.code}`;
      const confidence = confidenceOf(c, view);
      const ev: Evidence = {
        sentence: doc.text.slice(sentence.start, sentence.end),
        start: sentence.start,
        end: sentence.end,
        trigger: { start: trig.start, end: trig.end },
        source: { start: c.source.start, end: c.source.end },
        target: { start: c.target.start, end: c.target.end },
      };
      const existing = events.get(key);
      if (existing) {
        if (!existing.evidence.some((e) => e.trigger.start === ev.trigger.start && e.source?.start === ev.source?.start && e.target?.start === ev.target?.start)) {
          existing.evidence.push(ev);
        }
        existing.confidence = Math.max(existing.confidence, confidence);
        continue;
      }
      events.set(key, {
        id: eventId(doc.id, c.source.country, c.target.country, c.code),
        docId: doc.id,
        date: when.date,
        dateBasis: when.basis,
        source: actorOf(c.source, options.names),
        target: actorOf(c.target, options.names),
        cameo: { code: c.code, root: entry.root, label: entry.label },
        quad: entry.quad,
        goldstein: entry.goldstein,
        plover: { event: entry.plover.event, mode: entry.plover.mode },
        confidence,
        evidence: [ev],
      });
      firstPattern.set(key, { c, view });
    }
  }
  const out: Event[] = [];
  for (const [key, e] of events) {
    if (options.minConfidence !== undefined && e.confidence < options.minConfidence) continue;
    out.push(e);
    const { c, view } = firstPattern.get(key)!;
    const trig = view.tokens[c.trigger];
    const spanStart = Math.min(trig.start, c.source.start, c.target.start);
    const spanEnd = Math.max(trig.end, c.source.end, c.target.end);
    diag({
      ruleId: 'code:pattern',
      reason: `pattern '${c.pattern.id}' (${c.pattern.file}) coded ${c.source.country}->${c.target.country} ${c.code}${c.modality !== 'asserted' ? ` (${c.modality})` : ''}${c.derived !== 'direct' ? ` (${c.derived})` : ''}`,
      start: spanStart,
      end: spanEnd,
      actual: doc.text.slice(spanStart, spanEnd),
      note: `pattern ${c.pattern.id}; trigger '${doc.text.slice(trig.start, trig.end)}'; evidence ${e.evidence.length}`,
    });
  }
  out.sort((a, b) => a.evidence[0].trigger.start - b.evidence[0].trigger.start); // stable: direct before reverse
  return out;
}

export const codeStage = stage<CodeOptions>(
  'code',
  1,
  { reads: ['sentences', 'tokens', 'mentions'], writes: ['events'], defaults: {} },
  (options, ctx: Context) => {
    ctx.cameo ??= loadCameo();
    ctx.lexicon ??= loadLexicon(undefined, ctx.cameo);
    const cameo = ctx.cameo;
    const lexicon = ctx.lexicon;
    // the actors stage, built before this one, has loaded the KB: events name their actors from it
    const names = ctx.kb ? kbActorNames(ctx.kb) : undefined;
    return (doc: Doc) => {
      doc.layers.events = codeDoc(doc, cameo, lexicon, { ...options, published: ctx.config.published, names });
    };
  },
);
