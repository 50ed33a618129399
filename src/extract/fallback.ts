/**
 * A fallback article container for pages where Readability finds nothing or too little: the
 * element that directly holds the most paragraph text (text outside links), ignoring navigation,
 * headers, footers, asides and forms.
 */
import { isHidden, normaliseSpace, textLengths } from './blocks.js';

const OUTSIDE_ARTICLE = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'BUTTON', 'SVG']);
const PROSE_CHILD = new Set(['P', 'PRE', 'BLOCKQUOTE', 'H2', 'H3', 'H4', 'UL', 'OL', 'DL', 'A', 'SPAN', 'B', 'I', 'EM', 'STRONG', 'FONT', 'SMALL', 'U', 'CENTER', 'BR']);

/** Text length of an element without the text of its links. */
export function nonLinkLength(el: Element): number {
  const m = textLengths(el);
  return Math.max(0, (m.text.get(el) ?? 0) - (m.link.get(el) ?? 0));
}

/**
 * The element of `document.body` that directly holds the most prose (its own text nodes and the
 * non-link text of prose children), or undefined when the page has no prose at all (less than
 * 80 characters). Time is linear in the size of the page.
 */
export function densestContainer(document: Document): Element | undefined {
  const { text, link } = textLengths(document.body);
  const nonLink = (e: Element): number => Math.max(0, (text.get(e) ?? 0) - (link.get(e) ?? 0));
  let best: Element | undefined;
  let bestScore = 80;
  const stack: Element[] = [document.body];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (OUTSIDE_ARTICLE.has(el.tagName) || isHidden(el)) continue;
    let score = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) score += normaliseSpace((c as Text).data).length;
      else if (c.nodeType === 1) {
        const child = c as Element;
        if (PROSE_CHILD.has(child.tagName) && !isHidden(child)) score += nonLink(child);
      }
    }
    if (score > bestScore) {
      bestScore = score;
      best = el;
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  return best;
}
