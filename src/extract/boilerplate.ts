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
import { normaliseSpace } from './blocks.js';

/** A block marked by a rule of this module. */
export interface MarkedBlock extends DomBlock {
  dropped?: DropReason;
  /** The rule that marked the block (e.g. `extract:figure`). */
  rule?: string;
}

/** class/id words of caption and photo-credit containers. */
const CAPTION_WORDS = /(?:^|[\s_-])(?:wp-caption-text|caption|figcaption|credit|credits|photo-credit|image-credit)(?:$|[\s_-])/i;
/** class/id words of navigation containers. */
const NAV_WORDS = /(?:^|[\s_-])(?:breadcrumbs?|nav|navbar|navigation|menu|skip-link|skip-to-content)(?:$|[\s_-])/i;
/** class/id words of share bars and social buttons. */
const SHARE_WORDS = /(?:^|[\s_-])(?:share|sharing|social|share-buttons|sharedaddy|addtoany|a2a)(?:$|[\s_-])/i;

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

/** Length of the text inside links of `el`, whitespace-normalised. */
export function linkTextLength(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) n += normaliseSpace(a.textContent ?? '').length;
  if (el.tagName === 'A') n = normaliseSpace(el.textContent ?? '').length;
  return n;
}

interface Context {
  figure: boolean;
  captionClass: boolean;
  nav: boolean;
  header: Element | undefined;
  share: boolean;
}

function contextOf(el: Element, root: Element): Context {
  const ctx: Context = { figure: false, captionClass: false, nav: false, header: undefined, share: false };
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
    const tag = e.tagName;
    if (tag === 'FIGURE' || tag === 'FIGCAPTION') ctx.figure = true;
    else if (tag === 'NAV') ctx.nav = true;
    else if (tag === 'HEADER') ctx.header ??= e;
    const words = classAndId(e);
    if (words.length > 1) {
      if (CAPTION_WORDS.test(words)) ctx.captionClass = true;
      if (NAV_WORDS.test(words)) ctx.nav = true;
      if (SHARE_WORDS.test(words)) ctx.share = true;
    }
  }
  return ctx;
}

/** Number of words of a text (letters/digits runs; a CJK text counts one word per 2 characters). */
export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  let n = 0;
  for (const w of words) n += /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(w) ? Math.max(1, Math.round(w.length / 2)) : 1;
  return n;
}

/**
 * A block that is a short label followed by a link ("Read more: <a>…</a>", "Related: <a>…</a>"):
 * at most four words before a colon, and the rest of the block is link text.
 */
function isLabelledLink(b: DomBlock): boolean {
  const m = /^([^:]{1,40}):\s*(.+)$/.exec(b.text);
  if (!m || wordCount(m[1]) > 4) return false;
  const links = linkTextLength(b.el);
  return links >= 0.6 * m[2].length;
}

/**
 * Mark blocks that the markup shows are not article text. `root` is the article container the
 * blocks came from. Returns the same blocks (mutated) for chaining. Never marks every block.
 */
export function markBoilerplate(blocks: DomBlock[], root: Element): MarkedBlock[] {
  const marked = blocks as MarkedBlock[];
  const total = marked.reduce((n, b) => n + b.text.length, 0);
  const headerText = new Map<Element, number>();
  const contexts = marked.map((b) => contextOf(b.el, root));
  contexts.forEach((c, i) => {
    if (c.header) headerText.set(c.header, (headerText.get(c.header) ?? 0) + marked[i].text.length);
  });
  marked.forEach((b, i) => {
    const c = contexts[i];
    if (b.kind === 'caption' || c.figure || c.captionClass) {
      b.dropped = 'caption';
      b.rule = 'extract:figure';
    } else if (c.nav) {
      b.dropped = 'navigation';
      b.rule = 'extract:nav';
    } else if (c.header && (headerText.get(c.header) ?? 0) < 0.3 * total) {
      b.dropped = 'headline';
      b.rule = 'extract:article-header';
    } else if (c.share) {
      b.dropped = 'widget';
      b.rule = 'extract:share';
    } else if (isLabelledLink(b)) {
      b.dropped = 'promo';
      b.rule = 'extract:labelled-link';
    }
  });
  if (marked.length > 0 && marked.every((b) => b.dropped !== undefined)) {
    for (const b of marked) {
      b.dropped = undefined;
      b.rule = undefined;
    }
  }
  return marked;
}
