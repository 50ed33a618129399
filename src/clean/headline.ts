/**
 * The repeated headline: extraction often keeps the article's title as its first block. A block
 * among the first kept ones whose words equal the title's (case, punctuation and an outlet suffix
 * such as " - Outlet" or " | Outlet" ignored) is dropped.
 */
import type { BlockContext, RuleHit } from './rule.js';
import { normalizedWords } from './shingles.js';

/** How far into the document a repeated headline is looked for. */
export const HEADLINE_WINDOW = 3;

/** The title's word forms to compare with: as given, and without one or two trailing " - Outlet" parts. */
export function titleForms(title: string): string[] {
  const forms = new Set<string>();
  let t = title.trim();
  for (let i = 0; i < 3 && t.length > 0; i++) {
    const words = normalizedWords(t);
    if (words.length > 0) forms.add(words.join(' '));
    const cut = t.search(/\s+(?:[|\-–—:•·]|::)\s+[^|\-–—:•·]*$/);
    if (cut <= 0) break;
    t = t.slice(0, cut);
  }
  return [...forms];
}

/** True when the text equals the title after normalisation. */
export function isRepeatedHeadline(text: string, title: string): boolean {
  const words = normalizedWords(text).join(' ');
  return words.length > 0 && titleForms(title).includes(words);
}

/** The headline rule: only for the first kept block, within the first few blocks. */
export function detectHeadline(text: string, at: BlockContext): RuleHit | undefined {
  if (!at.title || !at.firstKept || at.index >= HEADLINE_WINDOW) return undefined;
  return isRepeatedHeadline(text, at.title)
    ? { reason: 'headline', rule: 'repeated-headline', why: 'repeats the title' }
    : undefined;
}
