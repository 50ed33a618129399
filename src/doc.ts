/**
 * The one shared vocabulary of parley: a `Doc` owns the text of one article, and every pipeline
 * stage adds a layer of spans that point into it.
 *
 * Offsets: every `start`/`end` in parley is a half-open range `[start, end)` in UTF-16 code units
 * of `doc.text` (so `doc.text.slice(start, end)` is always the span's text). Python readers count
 * code points and must convert. Byte offsets are never used.
 *
 * `doc.text` is the *source text*: for text input, the input as read (after UTF-8 decoding); for
 * HTML, the extracted block text (one line per paragraph, heading or list item). It is written once
 * by the `extract` stage and never rewritten. The *clean text* is a view: the kept blocks joined by
 * newlines (see {@link cleanText}).
 */

/** A half-open character range into `doc.text`. */
export interface Span {
  start: number;
  end: number;
}

/** Where a document came from. */
export type InputFormat = 'text' | 'html' | 'jsonl' | 'csv' | 'rss' | 'atom' | 'url' | 'stdin';

export interface Origin {
  /** File path, URL, or '-' for stdin. */
  path: string;
  /** 1-based line (JSONL/CSV record) or item number (feeds), when the input holds many records. */
  line?: number;
  format: InputFormat;
}

/** One article as read by an ingest reader, before extraction. Exactly one of text/html is set. */
export interface RawDoc {
  id?: string;
  url?: string;
  title?: string;
  /** Publication date or datetime as given by the record (ISO 8601 preferred; other forms are parsed). */
  published?: string;
  /** The outlet. */
  source?: string;
  text?: string;
  html?: string;
  origin: Origin;
  /** Warnings found while reading (e.g. invalid UTF-8 replaced). */
  warnings?: string[];
}

/** What the `clean` stage decided about a block it dropped. */
export type DropReason =
  | 'caption'
  | 'promo'
  | 'widget'
  | 'byline'
  | 'cookie'
  | 'navigation'
  | 'copyright'
  | 'headline'
  | 'dateline-only'
  | `duplicate-of:${number}`;

export type BlockKind = 'line' | 'p' | 'h' | 'li' | 'quote' | 'pre' | 'caption' | 'cell';

/** A paragraph-like unit of the source text: one line of `doc.text`. */
export interface Block extends Span {
  /** Index in `doc.layers.blocks`. */
  id: number;
  /** 0-based line number of the block in `doc.text` (split on "\n"). */
  line: number;
  kind: BlockKind;
  /** Set when the block is dropped; undefined when kept. */
  dropped?: DropReason;
}

export interface Sentence extends Span {
  id: number;
  /** The block the sentence lies in. */
  block: number;
  /** First token index (into `doc.layers.tokens`) and one past the last. */
  tokenStart: number;
  tokenEnd: number;
}

export interface Token extends Span {
  /** Normalised form (lower case, straight quotes). */
  norm: string;
  lemma: string;
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, AUX, ADP, ...). */
  pos: string;
  sentence: number;
  /** wink-nlp's negation flag: the token lies in the scope of a negation. */
  negated?: boolean;
}

/** How a mention was resolved to its actor; recorded so that every decision can be explained. */
export type ResolvedBy =
  | 'name'
  | 'alias'
  | 'demonym'
  | 'capital'
  | 'title+name'
  | 'role'
  | 'coref:surname'
  | 'coref:title'
  | 'coref:pronoun'
  | 'coref:pair'
  | 'coref:possessive'
  | 'igo'
  | 'sector'
  | string;

/** An actor mention: a span of text resolved to an actor of the knowledge base. */
export interface Mention extends Span {
  id: number;
  text: string;
  /** Knowledge-base actor id (a person id, a country code, an organisation code). */
  actor: string;
  /** The state or organisation the actor acts for: ISO 3166-1 alpha-3, IGO code, or group code. */
  country: string | null;
  /** CAMEO agent code (GOV, MIL, REB, ...), or null for the country/people at large. */
  sector: string | null;
  /** Office held on the document date ("head of state", "foreign minister"), when known. */
  role: string | null;
  /** The person's display name, when the mention is a person. */
  person: string | null;
  sentence: number;
  resolvedBy: ResolvedBy;
  /** For coreference: the mention this one refers back to. */
  antecedent?: number;
}

export type DateBasis = 'explicit' | 'relative' | 'publication' | 'unknown';

/** A time expression resolved to a calendar date. */
export interface Time extends Span {
  id: number;
  text: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  basis: DateBasis;
  sentence: number;
  /** How precise the expression is; for a longer period `date` is one day inside it. Absent means 'day'. */
  granularity?: TimeGranularity;
  /** Set when the expression is the date of an article dateline ("BEIJING, July 29 (Xinhua) --"). */
  dateline?: boolean;
}

export type TimeGranularity = 'day' | 'week' | 'month' | 'year';

export interface EventActor {
  code: string | null;
  name: string | null;
  sector: string | null;
  person: string | null;
}

export interface Evidence {
  sentence: string;
  start: number;
  end: number;
  trigger: Span;
  source?: Span;
  target?: Span;
}

/** A coded political event (the record documented in the README). */
export interface Event {
  id: string;
  docId: string;
  date: string | null;
  dateBasis: DateBasis;
  source: EventActor;
  target: EventActor;
  cameo: { code: string; root: string; label: string };
  quad: number;
  goldstein: number;
  plover: { event: string | null; mode: string | null };
  confidence: number;
  evidence: Evidence[];
}

export type Severity = 'fatal' | 'warning' | 'info';

/** A decision or a problem, with a reason and a position (vfile-message style). */
export interface Diagnostic {
  severity: Severity;
  /** The stage (or reader) that wrote it. */
  source: string;
  /** Stable rule id, e.g. `clean:caption`, `code:negated`; listed in docs/diagnostics.md. */
  ruleId: string;
  reason: string;
  start?: number;
  end?: number;
  actual?: string;
  expected?: string;
  note?: string;
}

export interface DocMeta {
  url?: string;
  canonicalUrl?: string;
  title?: string;
  byline?: string;
  lang?: string;
  /** Outlet. */
  source?: string;
  /** Publication date, ISO (YYYY-MM-DD or full datetime). */
  published?: string;
  /** Which rule found the publication date (e.g. `record`, `json-ld`, `meta:article:published_time`). */
  publishedFrom?: string;
  origin?: Origin;
}

export interface Layers {
  blocks: Block[];
  sentences: Sentence[];
  tokens: Token[];
  mentions: Mention[];
  times: Time[];
  events: Event[];
}

export type LayerName = keyof Layers | 'text';

export interface Doc {
  id: string;
  /** sha256 (hex) of the raw input content; the idempotence key of the store. */
  hash: string;
  /** The source text (see the module comment). Empty until `extract` has run. */
  text: string;
  meta: DocMeta;
  layers: Layers;
  diagnostics: Diagnostic[];
  /** The raw input, kept until `extract` has produced `text`; dropped afterwards. */
  raw?: RawDoc;
}

/** A fresh Doc with empty layers. */
export function emptyLayers(): Layers {
  return { blocks: [], sentences: [], tokens: [], mentions: [], times: [], events: [] };
}

/** Kept blocks, in order. */
export function keptBlocks(doc: Doc): Block[] {
  return doc.layers.blocks.filter((b) => b.dropped === undefined);
}

/** The clean text: kept blocks joined by "\n". */
export function cleanText(doc: Doc): string {
  return keptBlocks(doc)
    .map((b) => doc.text.slice(b.start, b.end))
    .join('\n');
}

/** The text of a span. */
export function spanText(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/**
 * Split text into line blocks: one block per non-blank line, with offsets into `text`.
 * Trailing "\r" is excluded from the span; surrounding whitespace is trimmed.
 */
export function lineBlocks(text: string, kind: BlockKind = 'line'): Block[] {
  const blocks: Block[] = [];
  let lineStart = 0;
  let line = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let s = lineStart;
    let e = lineEnd;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) blocks.push({ id: blocks.length, line, kind, start: s, end: e });
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  return blocks;
}
