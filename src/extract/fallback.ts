/**
 * A fallback article container for pages where Readability finds nothing or too little: the
 * element that directly holds the most paragraph text (text outside links), ignoring navigation,
 * headers, footers, asides and forms.
 */
import { isHidden, normaliseSpace } from './blocks.js';

const OUTSIDE_ARTICLE = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'BUTTON', 'SVG']);
const PROSE_CHILD = new Set(['P', 'PRE', 'BLOCKQUOTE', 'H2', 'H3', 'H4', 'UL', 'OL', 'DL', 'A', 'SPAN', 'B', 'I', 'EM', 'STRONG', 'FONT', 'SMALL', 'U', 'CENTER', 'BR']);

/** Text length of an element without the text of its links. */
export function nonLinkLength(el: Element): number {
  let links = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) links += normaliseSpace(a.textContent ?? '').length;
  if (el.tagName === 'A') return 0;
  return Math.max(0, normaliseSpace(el.textContent ?? '').length - links);
}

/** How much paragraph-like text an element holds directly (its own text nodes and prose children). */
function directProse(el: Element): number {
  let n = 0;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) n += normaliseSpace((c as Text).data).length;
    else if (c.nodeType === 1) {
      const child = c as Element;
      if (PROSE_CHILD.has(child.tagName) && !isHidden(child)) n += nonLinkLength(child);
    }
  }
  return n;
}

/**
 * The element of `document.body` that directly holds the most prose, or undefined when the page
 * has no prose at all (less than 80 characters).
 */
export function densestContainer(document: Document): Element | undefined {
  let best: Element | undefined;
  let bestScore = 80;
  const walk = (el: Element): void => {
    if (OUTSIDE_ARTICLE.has(el.tagName) || isHidden(el)) return;
    const score = directProse(el);
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
    for (const child of Array.from(el.children)) walk(child);
  };
  walk(document.body);
  return best;
}
