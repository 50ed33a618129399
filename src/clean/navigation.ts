/**
 * Navigation left in the text: breadcrumb trails ("Home > World > Asia"), skip/back-to-top links,
 * previous/next-story links and tag lists ("Tags: …", "Filed under: …").
 */
import type { BlockContext, RuleHit } from './rule.js';
import { tidy, wordCount } from './rule.js';

const CRUMB_SEPARATOR = /\s*(?:›|»|>|→|\/|\|)\s*/;
const NAV_LINK =
  /^(?:skip to (?:the )?(?:main )?(?:content|navigation|article|main)|back to (?:top|home|homepage)|return to (?:top|home)|go to (?:top|content|homepage)|jump to (?:content|navigation)|toggle navigation|main menu|menu|open menu|close menu|search|home|homepage|next|previous|prev|next (?:article|story|post|page)|previous (?:article|story|post|page)|older posts?|newer posts?|load more|show more|view all|see all|more stories|learn more|tags|topics)\s*[»›>«‹<→←]*$/i;
const TAG_LIST = /^(?:tags?|topics?|keywords|filed under|categories|category|posted in|more on|related topics)\s*:/i;

/** True when the block is a breadcrumb trail: short items separated by ›, », >, / or |, usually starting at "Home". */
export function isBreadcrumb(text: string): boolean {
  const t = tidy(text);
  if (/[.!?]$/.test(t) || wordCount(t) > 15) return false;
  const items = t.split(CRUMB_SEPARATOR).filter((s) => s.length > 0);
  if (items.length < 2) return false;
  if (!items.every((it) => wordCount(it) >= 1 && wordCount(it) <= 4 && /^[\p{Lu}\p{N}]/u.test(it))) {
    return /^home$/i.test(items[0]) && items.every((it) => wordCount(it) <= 4);
  }
  return /^home$/i.test(items[0]) || (items.length >= 3 && /[›»>→]/.test(t));
}

/** Which navigation pattern matches the block, if any. */
export function navigationPattern(text: string): string | undefined {
  const t = tidy(text);
  if (NAV_LINK.test(t)) return 'nav-link';
  if (isBreadcrumb(t)) return 'breadcrumb';
  if (wordCount(t) <= 25 && TAG_LIST.test(t)) return 'tag-list';
  return undefined;
}

/** The navigation rule. */
export function detectNavigation(text: string, _at: BlockContext): RuleHit | undefined {
  const rule = navigationPattern(text);
  return rule ? { reason: 'navigation', rule, why: 'navigation' } : undefined;
}
