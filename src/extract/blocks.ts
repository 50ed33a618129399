/**
 * Turning a DOM subtree into text blocks: one block per paragraph, heading, list item, quote,
 * preformatted line, caption or table row, with whitespace normalised inside each block.
 */
import type { BlockKind } from '../doc.js';

/** A block of extracted text with the element it came from (kept for later heuristics). */
export interface DomBlock {
  text: string;
  kind: BlockKind;
  /** The innermost block-level element that holds the text. */
  el: Element;
}

/** Elements whose content is never article text. */
const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'BUTTON', 'SELECT', 'OPTION',
  'TEXTAREA', 'INPUT', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'MAP', 'HEAD', 'TITLE',
  'META', 'LINK', 'DIALOG', 'MENU',
]);

/** Elements that start and end a block (text inside them never runs into their neighbours). */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIR',
  'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL', 'HTML', 'IMG', 'PICTURE',
]);

const KIND_OF: Record<string, BlockKind> = {
  P: 'p', H1: 'h', H2: 'h', H3: 'h', H4: 'h', H5: 'h', H6: 'h', LI: 'li', DT: 'li', DD: 'li',
  BLOCKQUOTE: 'quote', PRE: 'pre', FIGCAPTION: 'caption', CAPTION: 'caption', TD: 'cell', TH: 'cell',
};

/** Kinds that an inner paragraph inherits from its container (`<li><p>…</p></li>` is a list item). */
const INHERITED = new Set<BlockKind>(['li', 'quote', 'caption', 'h']);

/** Characters that take no room on the page: zero-width spaces and joiners, BOM, soft hyphen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Collapse every run of white space to one space and trim; drop invisible characters. */
export function normaliseSpace(s: string): string {
  return s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** True when an element is hidden by markup (`hidden`, `aria-hidden`, inline `display:none`). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return false;
}

/** True when a table holds data (cells of inline text) rather than laying out the page. */
function isDataRow(tr: Element): boolean {
  for (const cell of Array.from(tr.children)) {
    if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue;
    if (cell.querySelector('p, div, table, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre')) return false;
  }
  return true;
}

/**
 * Collect the text blocks of `root` in document order. Every `<br>` ends a block, `<pre>` gives
 * one block per non-blank line, and a table row of inline cells becomes one `cell` block whose
 * cells are separated by " | ". Never returns an empty block.
 */
export function collectBlocks(root: Element): DomBlock[] {
  const out: DomBlock[] = [];
  let buf: string[] = [];
  let bufKind: BlockKind = 'p';
  let bufEl: Element = root;

  const flush = (): void => {
    if (buf.length === 0) return;
    const text = normaliseSpace(buf.join(''));
    buf = [];
    if (text) out.push({ text, kind: bufKind, el: bufEl });
  };

  const visit = (node: Node, kind: BlockKind, owner: Element): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (buf.length === 0 && !/\S/.test(data)) return;
      if (buf.length === 0) {
        bufKind = kind;
        bufEl = owner;
      }
      buf.push(data);
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    if (tag === 'PRE') {
      flush();
      for (const line of (el.textContent ?? '').split('\n')) {
        const text = normaliseSpace(line);
        if (text) out.push({ text, kind: 'pre', el });
      }
      return;
    }
    if (tag === 'TR' && isDataRow(el)) {
      flush();
      const cells = Array.from(el.children)
        .filter((c) => (c.tagName === 'TD' || c.tagName === 'TH') && !isHidden(c))
        .map((c) => normaliseSpace(c.textContent ?? ''))
        .filter((t) => t.length > 0);
      if (cells.length > 0) out.push({ text: cells.join(' | '), kind: 'cell', el });
      return;
    }
    if (BLOCK.has(tag)) {
      flush();
      const own = KIND_OF[tag];
      let k: BlockKind = own ?? 'p';
      if (INHERITED.has(kind) && (own === undefined || own === 'p')) k = kind;
      for (let c = el.firstChild; c; c = c.nextSibling) visit(c, k, el);
      flush();
      return;
    }
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c, kind, owner);
  };

  visit(root, 'p', root);
  flush();
  return out;
}
