/**
 * The `extract` stage: turns `doc.raw` (text or HTML) into the source text `doc.text`, the
 * `blocks` layer and the document metadata, then drops `doc.raw`.
 *
 * - Text input: `doc.text` is the input as read (never altered); one `line` block per non-blank line.
 * - HTML input: `doc.text` is the extracted blocks joined by "\n" (one line per block), each block
 *   with its exact offsets and kind. Blocks the markup shows are not article text (captions,
 *   navigation, article header, widgets, labelled links) stay in `doc.text` but are marked
 *   `dropped`, each with an `info` diagnostic naming the rule (`extract:tag-figure`, …).
 * - Metadata: the record's fields win (url, title, source, and `published` normalised by
 *   `parseDate`, `publishedFrom: 'record'`); otherwise what the page gave (`publishedFrom` names
 *   the rule: `json-ld`, `meta:article:published_time`, `url`, …); otherwise the run's configured
 *   date (`config`). An `info` diagnostic `extract:published` says which rule gave the date.
 * - Nothing to extract: a `fatal` diagnostic `extract:empty` (the batch counts the doc as failed
 *   and goes on).
 */
import type { Block, Diagnostic, Doc, DocMeta } from '../doc.js';
import { lineBlocks } from '../doc.js';
import { ERRORS, formatMessage } from '../errors.js';
import type { Context, StageFn } from '../pipeline.js';
import { stage } from '../pipeline.js';
import type { HtmlExtraction } from './html.js';
import { extractHtml } from './html.js';
import { parseDate } from './parse-date.js';

export interface ExtractOptions {
  /** Mark markup-evident boilerplate blocks as dropped (default true). */
  boilerplate: boolean;
  /** Put back prose paragraphs Readability removed (default true). */
  recover: boolean;
}

export const EXTRACT_DEFAULTS: ExtractOptions = { boilerplate: true, recover: true };

const SOURCE = 'extract';

/**
 * Lay HTML blocks out as lines of one text. Returns the text, the blocks with exact offsets, and
 * for each block the index of the extracted block it came from (empty ones are skipped).
 */
export function layoutBlocks(extraction: Pick<HtmlExtraction, 'blocks'>): { text: string; blocks: Block[]; sources: number[] } {
  const parts: string[] = [];
  const blocks: Block[] = [];
  const sources: number[] = [];
  let offset = 0;
  for (const [index, b] of extraction.blocks.entries()) {
    // Block texts are whitespace-normalised, so they hold no newline; guard anyway.
    const text = b.text.replace(/[\r\n]+/g, ' ');
    if (!text) continue;
    if (parts.length > 0) offset += 1;
    const block: Block = { id: blocks.length, line: blocks.length, kind: b.kind, start: offset, end: offset + text.length };
    if (b.dropped) block.dropped = b.dropped;
    blocks.push(block);
    sources.push(index);
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join('\n'), blocks, sources };
}

function empty(doc: Doc, why: string): void {
  doc.diagnostics.push({
    severity: 'fatal',
    source: SOURCE,
    ruleId: 'extract:empty',
    reason: formatMessage(ERRORS.PARLEY_EXTRACT_EMPTY.message, { id: doc.id }),
    note: why,
  });
}

function setPublished(doc: Doc, meta: DocMeta, recordDate: string | undefined, page: HtmlExtraction | undefined, ctx: Context): void {
  if (recordDate !== undefined) {
    const d = parseDate(recordDate);
    if (d) {
      meta.published = d;
      meta.publishedFrom = 'record';
    } else {
      doc.diagnostics.push({
        severity: 'warning',
        source: SOURCE,
        ruleId: 'extract:bad-date',
        reason: `the record's publication date '${recordDate}' is not a date; ignored`,
        actual: recordDate,
        expected: 'an ISO 8601, RFC 822 or written date',
      });
    }
  }
  if (!meta.published && page?.published) {
    meta.published = page.published;
    meta.publishedFrom = page.publishedFrom;
  }
  if (!meta.published && ctx.config.published) {
    const d = parseDate(ctx.config.published);
    if (d) {
      meta.published = d;
      meta.publishedFrom = 'config';
    }
  }
  if (meta.published) {
    doc.diagnostics.push({
      severity: 'info',
      source: SOURCE,
      ruleId: 'extract:published',
      reason: `publication date ${meta.published} from ${meta.publishedFrom}`,
      actual: meta.published,
      note: meta.publishedFrom,
    });
  }
}

/** Build the per-document extract function. */
export function makeExtract(options: Partial<ExtractOptions> = {}, ctx: Context = { config: {} }): StageFn {
  const opts: ExtractOptions = { ...EXTRACT_DEFAULTS, ...options };
  return (doc: Doc): void => {
    const raw = doc.raw;
    if (!raw) {
      // Already extracted (e.g. re-run on a stored doc): rebuild line blocks when none exist.
      if (doc.text && doc.layers.blocks.length === 0) doc.layers.blocks = lineBlocks(doc.text);
      if (!doc.text) empty(doc, 'the document has neither raw input nor text');
      return;
    }
    const meta: DocMeta = { ...doc.meta, origin: raw.origin };
    let page: HtmlExtraction | undefined;
    if (raw.text !== undefined) {
      doc.text = raw.text;
      doc.layers.blocks = lineBlocks(doc.text);
    } else if (raw.html !== undefined) {
      page = extractHtml(raw.html, { url: raw.url, recover: opts.recover, boilerplate: opts.boilerplate });
      const laid = layoutBlocks(page);
      doc.text = laid.text;
      doc.layers.blocks = laid.blocks;
      laid.blocks.forEach((b, i) => {
        const rule = page?.blocks[laid.sources[i]].rule;
        if (!rule) return;
        const d: Diagnostic = {
          severity: 'info',
          source: SOURCE,
          ruleId: rule,
          reason: b.dropped ? `${b.dropped}: ${describe(rule)}` : describe(rule),
          start: b.start,
          end: b.end,
        };
        doc.diagnostics.push(d);
      });
      if (page.method !== 'readability' && page.method !== 'none') {
        doc.diagnostics.push({
          severity: 'info',
          source: SOURCE,
          ruleId: `extract:${page.method}`,
          reason: `Readability gave too little text (or the page was nested too deeply for it); used ${page.method === 'fallback:densest' ? 'the densest paragraph container' : 'the whole page body'}`,
        });
      }
      if (page.title) meta.title = page.title;
      if (page.byline) meta.byline = page.byline;
      if (page.lang) meta.lang = page.lang;
      if (page.canonicalUrl) meta.canonicalUrl = page.canonicalUrl;
      if (page.siteName) meta.source = page.siteName;
      if (!raw.url && page.canonicalUrl) meta.url = page.canonicalUrl;
    } else {
      doc.text = '';
      doc.layers.blocks = [];
    }
    if (raw.url) meta.url = raw.url;
    if (raw.title) meta.title = raw.title;
    if (raw.source) meta.source = raw.source;
    setPublished(doc, meta, raw.published, page, ctx);
    doc.meta = meta;
    if (!doc.layers.blocks.some((b) => b.dropped === undefined)) {
      empty(doc, raw.html !== undefined ? 'the page holds no article text' : 'the input holds no text');
    }
    delete doc.raw;
  };
}

const RULE_TEXT: Record<string, string> = {
  'extract:recovered': 'prose paragraph put back after Readability removed it',
  'extract:labelled-link': 'a short label followed by a link ("Read more: …")',
  'extract:tag-figcaption': 'figure caption',
  'extract:tag-figure': 'inside a <figure>',
  'extract:tag-nav': 'inside a <nav>',
  'extract:tag-header': "inside the article's <header>",
};

function describe(rule: string): string {
  const known = RULE_TEXT[rule];
  if (known) return known;
  const m = /^extract:class-(.+)$/.exec(rule);
  if (m) return `inside a small container whose class or id says '${m[1]}'`;
  return rule;
}

/** The stage definition: `extract` v1 reads nothing and writes `text` and `blocks`. */
export const extractStage = stage<ExtractOptions>(
  'extract',
  1,
  { reads: [], writes: ['text', 'blocks'], defaults: EXTRACT_DEFAULTS },
  (options, ctx) => makeExtract(options, ctx),
);
