/**
 * DOM-evident non-article blocks inside the extracted article: figure captions and credits, site
 * navigation, the article header (headline, byline, labels), share bars and "Read more:" links.
 *
 * These rules look at the markup around a block (its ancestors up to the article root, its links),
 * which the text-only `clean` stage cannot see. A block is never removed here: it is marked
 * `dropped` with a reason, so the text stays in `doc.text` and the decision can be explained.
 */
import type { DropReason } from '../doc.js';
import type { DomBlock } from './blocks.js';
import { normaliseSpace, textLengths } from './blocks.js';
import { table } from '../table.js';

/** A block marked by a rule of this module. */
export interface MarkedBlock extends DomBlock {
  dropped?: DropReason;
  /** The rule that marked the block (e.g. `extract:tag-figure`, `extract:class-byline`). */
  rule?: string;
}

/**
 * What the words of a container's class or id say it holds. Words are found by splitting class
 * and id values on punctuation and camelCase (`articleByline` → `article`, `byline`).
 */
const WORD_REASON: Record<string, DropReason> = table({
  caption: 'caption', captions: 'caption', figcaption: 'caption', credit: 'caption', credits: 'caption',
  gallery: 'caption', slideshow: 'caption', slide: 'caption', slides: 'caption', carousel: 'caption',
  nav: 'navigation', navbar: 'navigation', navigation: 'navigation', menu: 'navigation',
  breadcrumb: 'navigation', breadcrumbs: 'navigation', pagination: 'navigation', pager: 'navigation',
  byline: 'byline', bylines: 'byline', author: 'byline', authors: 'byline', bio: 'byline', dateline: 'byline',
  timestamp: 'byline', headline: 'headline', header: 'headline',
  share: 'widget', sharing: 'widget', social: 'widget', print: 'widget', toolbar: 'widget',
  comment: 'widget', comments: 'widget', rating: 'widget',
  related: 'promo', trending: 'promo', newsletter: 'promo', signup: 'promo', subscribe: 'promo',
  subscription: 'promo', promo: 'promo', recommended: 'promo', recommendations: 'promo', sponsored: 'promo',
  advert: 'promo', advertisement: 'promo', outbrain: 'promo', taboola: 'promo', cta: 'promo',
  copyright: 'copyright', disclaimer: 'copyright',
});

/** Tags whose content is not article prose, with the reason. */
const TAG_REASON: Record<string, DropReason> = table({
  FIGURE: 'caption', FIGCAPTION: 'caption', NAV: 'navigation', HEADER: 'headline', ASIDE: 'promo', FOOTER: 'copyright',
});

/** A container holding more than this share of the article's text is never judged by its name. */
const MAX_SHARE = 0.25;

/** How many ancestors of a block are looked at (containers that say what they hold are near it). */
const MAX_LEVELS = 20;

/** The words of an element's class and id, lower case. */
export function classWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (raw.length < 2) return [];
  return raw
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
}

/**
 * The first reason found walking up from the block's element to the article root: a tag that
 * holds no prose (figure, nav, header) or a class/id word, on a container that holds only a small
 * share of the article's text and fewer than two prose paragraphs.
 */
function containerReason(
  el: Element,
  root: Element,
  share: (e: Element) => number,
  prose: Map<Element, number>,
): { reason: DropReason; rule: string } | undefined {
  let level = 0;
  for (let e: Element | null = el; e && e !== root && level < MAX_LEVELS; e = e.parentElement, level++) {
    if (share(e) > MAX_SHARE) return undefined;
    // A container that holds several prose paragraphs is article text whatever its name says.
    if ((prose.get(e) ?? 0) >= 2) continue;
    const byTag = TAG_REASON[e.tagName];
    if (byTag) return { reason: byTag, rule: `extract:tag-${e.tagName.toLowerCase()}` };
    for (const w of classWords(e)) {
      const byWord = WORD_REASON[w];
      if (byWord) return { reason: byWord, rule: `extract:class-${byWord}` };
    }
  }
  return undefined;
}

/** Number of words of a text (letters/digits runs; a CJK text counts one word per 2 characters). */
export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  let n = 0;
  for (const w of words) n += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(w) ? Math.max(1, Math.round(w.length / 2)) : 1;
  return n;
}

/** A paragraph of running text: 12+ words, ends like a sentence, mostly outside links. */
export function isProse(b: DomBlock): boolean {
  if (b.kind !== 'p' && b.kind !== 'quote' && b.kind !== 'li') return false;
  if (wordCount(b.text) < 12 || !/[.!?。！？…"”»)]$/.test(b.text)) return false;
  return b.linkChars <= 0.3 * b.text.length;
}

/**
 * A block that is a short label followed by a link ("Read more: <a>…</a>", "Related: <a>…</a>"):
 * at most four words before a colon, and the rest of the block is link text.
 */
function isLabelledLink(b: DomBlock): boolean {
  const m = /^([^:]{1,40}):\s+(.+)$/.exec(b.text);
  if (!m || wordCount(m[1]) > 4 || wordCount(m[2]) < 3) return false;
  return b.linkChars >= 0.6 * m[2].length;
}

/**
 * Mark blocks that the markup shows are not article text. `root` is the article container the
 * blocks came from. Returns the same blocks (mutated) for chaining. Never marks every block.
 */
export function markBoilerplate(blocks: DomBlock[], root: Element): MarkedBlock[] {
  const marked = blocks as MarkedBlock[];
  const before = marked.map((b) => b.rule);
  let lengths: Map<Element, number> | undefined;
  let total = 1;
  const share = (e: Element): number => {
    if (!lengths) {
      lengths = textLengths(root).text;
      total = Math.max(1, lengths.get(root) ?? 0);
    }
    // An element outside the root (a paragraph put back from the page) is not measured: 0.
    return (lengths.get(e) ?? 0) / total;
  };
  // How many prose paragraphs each container holds.
  const prose = new Map<Element, number>();
  for (const b of marked) {
    if (!isProse(b)) continue;
    let level = 0;
    for (let e: Element | null = b.el; e && e !== root && level < MAX_LEVELS; e = e.parentElement, level++) {
      prose.set(e, (prose.get(e) ?? 0) + 1);
    }
  }
  for (const b of marked) {
    if (b.kind === 'caption') {
      b.dropped = 'caption';
      b.rule = 'extract:tag-figcaption';
      continue;
    }
    const found = containerReason(b.el, root, share, prose);
    if (found) {
      b.dropped = found.reason;
      b.rule = found.rule;
    } else if (isLabelledLink(b)) {
      b.dropped = 'promo';
      b.rule = 'extract:labelled-link';
    }
  }
  if (marked.length > 0 && marked.every((b) => b.dropped !== undefined)) {
    marked.forEach((b, i) => {
      b.dropped = undefined;
      b.rule = before[i];
    });
  }
  return marked;
}
