/**
 * The `actors` stage: reads sentences and tokens, writes `doc.layers.mentions`.
 *
 * Every sentence goes through the recogniser (gazetteer atoms composed into names, role
 * descriptions, sector phrases and references; see recognise.ts), then through coreference in
 * document order (coref.ts). Offices are resolved on the document date: `doc.meta.published` (its
 * calendar day), else `ctx.config.date`, else `ctx.config.published`, else today — with an
 * `actors:no-date` warning, since "the president" then means today's president.
 * Decisions that leave a name unresolved are `info` diagnostics (`actors:ambiguous-*`,
 * `actors:skip-*`, `actors:unresolved-name`).
 */
import type { Diagnostic, Doc, Mention } from '../doc.js';
import type { Context, StageFn } from '../pipeline.js';
import { stage } from '../pipeline.js';
import { calendarDay } from '../dates/calendar.js';
import type { Kb } from './kb.js';
import { loadKb } from './kb.js';
import { Coref } from './coref.js';
import { Recogniser } from './recognise.js';
import { gazetteerOf } from './recognise-gazetteer.js';

export interface ActorsOptions {
  /** Write the info diagnostics of unresolved names (default true). */
  explain?: boolean;
}

/** The date offices are resolved on, and where it came from. */
export interface DocumentDate {
  date: string;
  from: 'published' | 'config.date' | 'config.published' | 'today';
}

/** The document date for dated roles (see the module comment). */
export function documentDate(doc: Doc, ctx?: Pick<Context, 'config'>): DocumentDate {
  const pub = calendarDay(doc.meta.published);
  if (pub) return { date: pub, from: 'published' };
  const d = calendarDay(ctx?.config.date);
  if (d) return { date: d, from: 'config.date' };
  const p = calendarDay(ctx?.config.published);
  if (p) return { date: p, from: 'config.published' };
  return { date: new Date().toISOString().slice(0, 10), from: 'today' };
}

/**
 * Recognise and resolve the actor mentions of one segmented document on `date`. Returns the
 * mentions (sorted by start, ids in that order) and the diagnostics; the doc is not changed.
 * `dateKnown` false (the document has no date and `date` is today's): people are not read as
 * today's office holders (see `Coref`).
 */
export function recogniseDoc(doc: Doc, kb: Kb, date: string, dateKnown = true): { mentions: Mention[]; diagnostics: Diagnostic[] } {
  const rec = new Recogniser(kb, doc, date, dateKnown);
  const coref = new Coref(kb, date, doc.text, dateKnown);
  for (const s of doc.layers.sentences) {
    const items = rec.sentenceItems(s);
    coref.homeCountry = rec.datelineCountry;
    coref.addSentence(items);
  }
  coref.finish();
  const diagnostics = [...rec.diagnostics, ...coref.diagnostics];
  const mentions = withoutOverlaps(coref.mentions, diagnostics);
  // ids follow document order; antecedents are renumbered with them
  const sorted = [...mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  const newId = new Map<number, number>();
  sorted.forEach((m, i) => newId.set(m.id, i));
  for (const m of sorted) {
    m.id = newId.get(m.id)!;
    if (m.antecedent !== undefined) {
      const a = newId.get(m.antecedent);
      if (a === undefined) delete m.antecedent;
      else m.antecedent = a;
    }
  }
  return { mentions: sorted, diagnostics };
}

/**
 * Mentions never overlap: a mention that shares characters with a longer one (a surname read
 * again inside a full name it belongs to) is dropped, with an `actors:skip-overlap` diagnostic;
 * of two equally long ones the first made is kept.
 */
export function withoutOverlaps(mentions: Mention[], diagnostics: Diagnostic[]): Mention[] {
  const bySize = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.id - b.id);
  const kept: Mention[] = [];
  const dropped = new Set<Mention>();
  for (const m of bySize) {
    const over = kept.find((k) => k.start < m.end && m.start < k.end);
    if (!over) {
      kept.push(m);
      continue;
    }
    dropped.add(m);
    diagnostics.push({
      severity: 'info',
      source: 'actors',
      ruleId: 'actors:skip-overlap',
      reason: `"${m.text}" lies inside the longer mention "${over.text}": left out`,
      start: m.start,
      end: m.end,
    });
  }
  return dropped.size === 0 ? mentions : mentions.filter((m) => !dropped.has(m));
}

/** The per-document function of the stage, for a loaded KB. */
export function makeActors(options: ActorsOptions, ctx: Context): StageFn {
  ctx.kb ??= loadKb();
  const kb = ctx.kb;
  gazetteerOf(kb); // build the gazetteer once, with the pipeline
  const explain = options.explain !== false;
  return (doc: Doc) => {
    const when = documentDate(doc, ctx);
    const { mentions, diagnostics } = recogniseDoc(doc, kb, when.date, when.from !== 'today');
    doc.layers.mentions = mentions;
    if (when.from === 'today') {
      doc.diagnostics.push({
        severity: 'warning',
        source: 'actors',
        ruleId: 'actors:no-date',
        reason: `the document has no publication date and none is configured: offices are resolved on today's date (${when.date})`,
      });
    }
    if (explain) for (const d of diagnostics) doc.diagnostics.push(d);
  };
}

export const actorsStage = stage<ActorsOptions>('actors', 1, { reads: ['sentences', 'tokens'], writes: ['mentions'], defaults: { explain: true } }, makeActors);
