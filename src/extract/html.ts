/**
 * HTML → article blocks and metadata.
 *
 * Readability (on a linkedom document) finds the article container; we then build the text block
 * by block from that container, fall back to the densest paragraph container when Readability
 * gives nothing or too little, put back prose paragraphs that Readability dropped from inside the
 * article, and mark the blocks the markup shows are not article text (captions, navigation, the
 * article header, share bars, labelled links).
 */
import { Readability } from '@mozilla/readability';
import type { BlockKind, DropReason } from '../doc.js';
import type { DomBlock } from './blocks.js';
import { collectBlocks } from './blocks.js';
import { markBoilerplate } from './boilerplate.js';
import type { MarkedBlock } from './boilerplate.js';
import { parseDocument } from './dom.js';
import { densestContainer } from './fallback.js';
import { indexMeta, readMetadata } from './metadata.js';
import { findPublished, publishedFromText } from './published.js';
import { recoverParagraphs, snapshotPage } from './recover.js';

/** One block of extracted text. `dropped` is set when the markup shows it is not article text. */
export interface HtmlBlock {
  text: string;
  kind: BlockKind;
  dropped?: DropReason;
  /** The rule that set `dropped`, or `extract:recovered` for a paragraph put back. */
  rule?: string;
}

/** How the article container was found. */
export type ExtractMethod = 'readability' | 'fallback:densest' | 'fallback:body' | 'none';

export interface HtmlExtraction {
  blocks: HtmlBlock[];
  title?: string;
  byline?: string;
  lang?: string;
  canonicalUrl?: string;
  siteName?: string;
  /** Publication date, `YYYY-MM-DD`. */
  published?: string;
  /** The rule that gave the date (`json-ld`, `meta:article:published_time`, `time`, `url`, `text`, …). */
  publishedFrom?: string;
  method: ExtractMethod;
  /** Paragraphs put back after Readability dropped them. */
  recovered: number;
}

export interface ExtractHtmlOptions {
  /** The page URL: resolves relative links and feeds the URL date rule. */
  url?: string;
  /** Put back prose paragraphs Readability dropped (default true). */
  recover?: boolean;
  /** Mark captions, navigation, headers, share bars and labelled links as dropped (default true). */
  boilerplate?: boolean;
}

/** Below this many characters of text, Readability's answer is checked against the fallback. */
const TOO_LITTLE = 400;

/**
 * Deeper than this, the page is not given to Readability (its time grows much faster than the
 * page on deeply nested markup, which only broken pages have); the fallback container is used.
 */
const MAX_DEPTH = 300;

/** The depth of the deepest element under `root` (iterative: deep markup must not overflow). */
export function domDepth(root: Element): number {
  let max = 0;
  const stack: [Element, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [el, d] = stack.pop() as [Element, number];
    if (d > max) max = d;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1]);
  }
  return max;
}

function textLength(blocks: readonly DomBlock[]): number {
  return blocks.reduce((n, b) => n + b.text.length, 0);
}

function runReadability(document: Document): { root: Element; title?: string; byline?: string } | undefined {
  try {
    const article = new Readability<Element>(document, {
      keepClasses: true,
      serializer: (node: Node) => node as Element,
    }).parse();
    if (!article?.content) return undefined;
    return { root: article.content, title: article.title ?? undefined, byline: article.byline ?? undefined };
  } catch {
    return undefined;
  }
}

/**
 * Extract the article of an HTML page as blocks, with its metadata and publication date.
 * Never throws: a page with no text gives `blocks: []` and `method: 'none'`.
 */
export function extractHtml(html: string, opts: ExtractHtmlOptions = {}): HtmlExtraction {
  const document = parseDocument(html);
  const meta = indexMeta(document);
  const metadata = readMetadata(document, meta, opts.url);
  const dated = findPublished(document, meta, { url: opts.url ?? metadata.canonicalUrl, lang: metadata.lang });
  // Readability rewrites the document it is given: record the page's blocks first (for recovery);
  // the fallback, rarely needed, parses the page again.
  const readable = domDepth(document.documentElement) <= MAX_DEPTH;
  const page = readable && opts.recover !== false ? snapshotPage(document) : [];
  let pristine: Document | undefined;
  const untouched = (): Document => (pristine ??= parseDocument(html));
  const article = readable ? runReadability(document) : undefined;

  let method: ExtractMethod = 'none';
  let root: Element | undefined;
  let blocks: DomBlock[] = [];
  if (article) {
    root = article.root;
    blocks = collectBlocks(root);
    method = 'readability';
  }
  if (textLength(blocks) < TOO_LITTLE) {
    const dense = densestContainer(untouched());
    if (dense) {
      const alt = collectBlocks(dense);
      if (textLength(alt) > Math.max(1.5 * textLength(blocks), textLength(blocks) + 100)) {
        blocks = alt;
        root = dense;
        method = 'fallback:densest';
      }
    }
  }
  let recovered = 0;
  if (method === 'readability' && opts.recover !== false) {
    const r = recoverParagraphs(blocks, page);
    blocks = r.blocks;
    recovered = r.recovered;
  }
  if (blocks.length === 0) {
    blocks = collectBlocks(untouched().body);
    root = untouched().body;
    method = blocks.length > 0 ? 'fallback:body' : 'none';
  }
  const marked: MarkedBlock[] =
    opts.boilerplate !== false && root ? markBoilerplate(blocks, root) : (blocks as MarkedBlock[]);

  const out: HtmlExtraction = {
    blocks: marked.map((b) => {
      const block: HtmlBlock = { text: b.text, kind: b.kind };
      if (b.dropped) {
        block.dropped = b.dropped;
        block.rule = b.rule;
      } else if (b.rule) block.rule = b.rule;
      return block;
    }),
    method,
    recovered,
  };
  const title = metadata.title ?? article?.title;
  if (title) out.title = title;
  const byline = article?.byline ?? metadata.byline;
  if (byline) out.byline = byline;
  if (metadata.lang) out.lang = metadata.lang;
  if (metadata.canonicalUrl) out.canonicalUrl = metadata.canonicalUrl;
  if (metadata.siteName) out.siteName = metadata.siteName;
  const date = dated ?? publishedFromText(out.blocks.map((b) => b.text), { lang: metadata.lang });
  if (date) {
    out.published = date.date;
    out.publishedFrom = date.from;
  }
  return out;
}
