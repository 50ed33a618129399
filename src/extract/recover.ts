/**
 * Putting back prose paragraphs that Readability removed from the middle of an article (its
 * conditional cleaning sometimes drops quotes, embedded posts or paragraphs in odd wrappers).
 *
 * Before Readability runs, the page's blocks are recorded with what the checks need (text, parent,
 * whether they read like prose), since Readability then rewrites the document. The extracted
 * blocks are aligned, in order, with the recorded ones. A recorded block that lies in a short gap
 * between two aligned blocks, shares a parent with one of them (or a parent of the same tag and
 * class: one paragraph per wrapper), is not in the extraction, and reads like prose (enough
 * words, few links, outside figures, navigation and asides) is put back.
 */
import type { DomBlock } from './blocks.js';
import { collectBlocks } from './blocks.js';
import { wordCount } from './boilerplate.js';

/** A block of the untouched page, as recorded before Readability runs. */
export interface PageBlock extends DomBlock {
  /** The block element's parent at recording time. */
  parent: Element | null;
  /** The parent's tag and class ("DIV.card-content"): paragraphs of one template share it. */
  parentKey: string;
  /** Reads like a prose paragraph that may be put back. */
  prose: boolean;
}

const NOT_PROSE_CONTAINERS = new Set(['FIGURE', 'FIGCAPTION', 'NAV', 'ASIDE', 'FOOTER', 'HEADER', 'FORM', 'BUTTON', 'LABEL']);

/** Longest run of unaligned page blocks in which a paragraph is put back. */
const MAX_GAP = 3;

/** Minimum words of a paragraph to be put back. */
const MIN_WORDS = 10;

function inNonProse(el: Element): boolean {
  let level = 0;
  for (let e: Element | null = el; e && level < 40; e = e.parentElement, level++) if (NOT_PROSE_CONTAINERS.has(e.tagName)) return true;
  return false;
}

function looksLikeProse(b: DomBlock): boolean {
  if (b.kind !== 'p' && b.kind !== 'quote') return false;
  if (wordCount(b.text) < MIN_WORDS) return false;
  if (!/[.!?。！？…"”»)]$/.test(b.text)) return false;
  if (b.linkChars > 0.3 * b.text.length) return false;
  return !inNonProse(b.el);
}

/** Record the blocks of an untouched page (call before anything rewrites the document). */
export function snapshotPage(document: Document): PageBlock[] {
  return collectBlocks(document.body).map((b) => {
    const parent = b.el.parentElement;
    const parentKey = parent ? `${parent.tagName}.${(parent.getAttribute('class') ?? '').trim()}` : '';
    return { ...b, parent, parentKey, prose: looksLikeProse(b) };
  });
}

/** The set of lower-cased words of a text. */
function wordSet(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
}

/** True when most words of `a` also occur in `b` (a variant of a paragraph already extracted). */
function mostlyIn(a: string, b: string | undefined): boolean {
  if (!b) return false;
  const wa = wordSet(a);
  const wb = wordSet(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return wa.size > 0 && shared / wa.size >= 0.6;
}

export interface Recovery {
  blocks: DomBlock[];
  recovered: number;
}

/** Align `blocks` with the recorded `page` blocks and put back missing prose paragraphs. */
export function recoverParagraphs(blocks: DomBlock[], page: readonly PageBlock[]): Recovery {
  const where = new Map<string, number[]>();
  page.forEach((b, i) => {
    const list = where.get(b.text);
    if (list) list.push(i);
    else where.set(b.text, [i]);
  });
  // Monotone alignment: each extracted block to the first unused page block with the same text.
  const aligned: number[] = new Array(blocks.length).fill(-1);
  let last = -1;
  let matches = 0;
  blocks.forEach((b, i) => {
    const next = where.get(b.text)?.find((j) => j > last);
    if (next !== undefined) {
      aligned[i] = next;
      last = next;
      matches++;
    }
  });
  if (matches < 3) return { blocks, recovered: 0 };
  const present = new Set(blocks.map((b) => b.text));
  const out: DomBlock[] = [];
  let recovered = 0;
  let prev = -1;
  blocks.forEach((b, i) => {
    const j = aligned[i];
    if (j >= 0) {
      if (prev >= 0 && j - prev - 1 <= MAX_GAP) {
        const parents = new Set([page[prev].parent, page[j].parent]);
        const keys = new Set([page[prev].parentKey, page[j].parentKey].filter((k) => k.includes('.') && !k.endsWith('.')));
        for (let k = prev + 1; k < j; k++) {
          const cand = page[k];
          if (!cand.prose || present.has(cand.text)) continue;
          if (!parents.has(cand.parent) && !keys.has(cand.parentKey)) continue;
          if (mostlyIn(cand.text, out[out.length - 1]?.text) || mostlyIn(cand.text, b.text)) continue;
          out.push({ text: cand.text, kind: cand.kind, el: cand.el, linkChars: cand.linkChars, rule: 'extract:recovered' } as DomBlock);
          present.add(cand.text);
          recovered++;
        }
      }
      prev = j;
    }
    out.push(b);
  });
  return { blocks: out, recovered };
}
