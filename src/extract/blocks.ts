/**
 * Turning a DOM subtree into text blocks: one block per paragraph, heading, list item, quote,
 * preformatted line, caption or table row, with whitespace normalised inside each block.
 */
import type { BlockKind } from '../doc.js';
import { table } from '../table.js';

/** A block of extracted text with the element it came from (kept for later heuristics). */
export interface DomBlock {
  text: string;
  kind: BlockKind;
  /** The innermost block-level element that holds the text. */
  el: Element;
  /** Characters of the block's text that lie inside links (whitespace-normalised). */
  linkChars: number;
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

const KIND_OF: Record<string, BlockKind> = table({
  P: 'p', H1: 'h', H2: 'h', H3: 'h', H4: 'h', H5: 'h', H6: 'h', LI: 'li', DT: 'li', DD: 'li',
  BLOCKQUOTE: 'quote', PRE: 'pre', FIGCAPTION: 'caption', CAPTION: 'caption', TD: 'cell', TH: 'cell',
});

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
  let linkBuf: string[] = [];
  let bufKind: BlockKind = 'p';
  let bufEl: Element = root;

  const flush = (): void => {
    if (buf.length === 0) return;
    const text = normaliseSpace(buf.join(''));
    const linkChars = linkBuf.length > 0 ? Math.min(text.length, normaliseSpace(linkBuf.join(' ')).length) : 0;
    buf = [];
    linkBuf = [];
    if (text) out.push({ text, kind: bufKind, el: bufEl, linkChars });
  };

  // An explicit stack instead of recursion: broken markup can nest elements thousands deep.
  // A frame is a node to visit, or `null` for "flush when the block element ends".
  type Frame = { node: Node; kind: BlockKind; owner: Element; link: boolean };
  const stack: (Frame | null)[] = [{ node: root, kind: 'p', owner: root, link: root.tagName === 'A' }];
  const pushChildren = (el: Element, kind: BlockKind, owner: Element, link: boolean): void => {
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push({ node: c, kind, owner, link });
  };
  while (stack.length > 0) {
    const frame = stack.pop();
    if (frame === null) {
      flush();
      continue;
    }
    if (frame === undefined) break;
    const { node, kind, owner, link } = frame;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (buf.length === 0 && !/\S/.test(data)) continue;
      if (buf.length === 0) {
        bufKind = kind;
        bufEl = owner;
      }
      buf.push(data);
      if (link) linkBuf.push(data);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) continue;
    if (tag === 'BR') {
      flush();
      continue;
    }
    if (tag === 'PRE') {
      flush();
      for (const line of (el.textContent ?? '').split('\n')) {
        const text = normaliseSpace(line);
        if (text) out.push({ text, kind: 'pre', el, linkChars: 0 });
      }
      continue;
    }
    if (tag === 'TR' && isDataRow(el)) {
      flush();
      const cells = Array.from(el.children)
        .filter((c) => (c.tagName === 'TD' || c.tagName === 'TH') && !isHidden(c))
        .map((c) => normaliseSpace(c.textContent ?? ''))
        .filter((t) => t.length > 0);
      if (cells.length > 0) out.push({ text: cells.join(' | '), kind: 'cell', el, linkChars: 0 });
      continue;
    }
    if (BLOCK.has(tag)) {
      flush();
      const own = KIND_OF[tag];
      let k: BlockKind = own ?? 'p';
      if (INHERITED.has(kind) && (own === undefined || own === 'p')) k = kind;
      stack.push(null);
      pushChildren(el, k, el, link || tag === 'A');
      continue;
    }
    pushChildren(el, kind, owner, link || tag === 'A');
  }
  flush();
  return out;
}

/** Text and link-text lengths of every element under a root, computed in one pass. */
export interface TextLengths {
  /** Characters of text (runs of white space count one; blank text nodes none; hidden parts included). */
  text: Map<Element, number>;
  /** Characters of that text inside links. */
  link: Map<Element, number>;
}

/** Length of a text node with runs of white space counted as one character (0 when blank). */
function spacedLength(data: string): number {
  return /\S/.test(data) ? data.replace(INVISIBLE, '').replace(/\s+/g, ' ').length : 0;
}

/**
 * Measure the text of every element under `root` (root included) bottom-up, in time linear in
 * the size of the tree. Scripts, styles and the other never-text elements count as empty.
 */
export function textLengths(root: Element): TextLengths {
  const text = new Map<Element, number>();
  const link = new Map<Element, number>();
  // Post-order without recursion: visit children first, then add the element's own text nodes.
  const stack: [Element, boolean][] = [[root, false]];
  while (stack.length > 0) {
    const [el, done] = stack.pop() as [Element, boolean];
    if (SKIP.has(el.tagName.toUpperCase())) {
      text.set(el, 0);
      link.set(el, 0);
      continue;
    }
    if (!done) {
      stack.push([el, true]);
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, false]);
      continue;
    }
    let t = 0;
    let l = 0;
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) t += spacedLength((c as Text).data);
      else if (c.nodeType === 1) {
        t += text.get(c as Element) ?? 0;
        l += link.get(c as Element) ?? 0;
      }
    }
    text.set(el, t);
    link.set(el, el.tagName === 'A' ? t : l);
  }
  return { text, link };
}
