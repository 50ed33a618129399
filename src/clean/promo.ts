/**
 * Cross-promotion: links to other stories placed inside an article.
 *
 * A promo block starts with a label ("ALSO READ:", "READ MORE:", "Related:", "Recommended:",
 * "See also", "You may also like") followed by a linked headline, or is a bare label, or a "Click
 * here to …"/"Read more …" call. After a bare label, the short headline-shaped blocks that follow
 * (the list of links) are promo too. Labels are only recognised at the start of a block, and a
 * labelled block must be short, so a news paragraph that merely uses the words is kept.
 */
import type { BlockContext, RuleHit } from './rule.js';
import { tidy, wordCount } from './rule.js';

const LABELS = [
  'also read', 'read also', 'also see', 'read more', 'read next', 'more to read', 'more reading',
  'related', 'related stories', 'related story', 'related articles?', 'related content', 'related coverage',
  'related news', 'related links?', 'related reading', 'related topics', 'related video', 'related posts?',
  'recommended', 'recommended for you', 'recommended stories', 'recommended reading', 'recommended articles?',
  'see also', 'see more', 'you may also like', 'you might also like', 'you may also be interested in',
  'you might be interested in', 'you may be interested in', 'also of interest', 'further reading',
  'suggested reading', 'more stories', 'more news', 'more on this(?: story| topic)?', 'more coverage',
  "don'?t miss", 'do not miss', 'must read', 'must-read', "editor'?s picks?", 'top stories', 'trending',
  'trending now', 'most read', 'most popular', 'popular now', 'in case you missed it', 'icymi',
  'promoted stories', 'sponsored stories', 'from our partners', 'around the web', 'more videos',
  'keep reading', 'continue reading', 'up next', 'what to read next', 'latest stories', 'latest news',
  'recent (?:articles|posts|stories|news)', 'popular (?:this week|today|now|stories|articles|posts)',
  'more (?:[\\p{L}]+ ){1,3}(?:stories|news|articles|videos|coverage)',
];
/** Section labels recognised only when they stand alone ("Latest: …" opens live-blog entries). */
const BARE_ONLY_LABELS = ['latest', 'popular'];
/**
 * Labels that are also ordinary words at the start of a sentence: only accepted when followed by a
 * colon or a bar, and never as a bare label that opens a list of links.
 */
const WEAK_LABELS = ['watch', 'listen', 'video', 'more', 'podcast'];

/** Labels that head a list of links to other stories: after one of them alone, headline-shaped blocks are links. */
const LIST_LABELS = [
  'also read', 'read also', 'read more', 'read next', 'related', 'related stories', 'related story',
  'related articles?', 'related content', 'related coverage', 'related news', 'related links?', 'related reading',
  'related posts?', 'recommended', 'recommended for you', 'recommended stories', 'recommended reading',
  'recommended articles?', 'see also', 'you may also like', 'you might also like', 'more stories', 'more news',
  'further reading', 'suggested reading', 'more on this(?: story| topic)?', 'what to read next',
  'recent (?:articles|posts|stories|news)', 'more (?:[\\p{L}]+ ){1,3}(?:stories|news|articles|coverage)',
];
/** An optional qualifier between a label and its colon: "Related coverage from Money:". */
const QUALIFIER = String.raw`(?:\s+(?:from|on|in|about)\s+[^|]{1,60}:)?`;

const LABEL = `(?:${LABELS.join('|')})`;
const LIST_LABEL = new RegExp(String.raw`^[\[(]?(?:${LIST_LABELS.join('|')})[\])]?${QUALIFIER}\s*(?:[:|»›>•\-–—.!]+|\.{3}|…)?$`, 'iu');
const LABEL_THEN_TEXT = new RegExp(String.raw`^[\[(]?${LABEL}[\])]?\s*(?:[:|»›>•\-–—]+|\.{3}|…)\s*\S`, 'iu');
const WEAK_LABEL_THEN_TEXT = new RegExp(String.raw`^(?:${WEAK_LABELS.join('|')})\s*[:|»›]\s*\S`, 'i');
const WEAK_BARE_LABEL = new RegExp(String.raw`^(?:${WEAK_LABELS.join('|')})\s*:$`, 'i');
const BARE_LABEL = new RegExp(String.raw`^[\[(]?(?:${LABEL}|${BARE_ONLY_LABELS.join('|')})[\])]?${QUALIFIER}\s*(?:[:|»›>•\-–—.!]+|\.{3}|…)?$`, 'iu');
const READ_CALL = /^(?:read|continue reading|see|watch|listen to)\s+(?:more|the (?:full|whole|rest|latest|complete)|full|our|the story|the article|the report|this story)\b|^(?:follow|get|see) (?:[\p{L}'’]+ ){0,3}(?:full|live|latest|complete|continuing) coverage\b|^also on [\w-]+(?:\.[\w-]+)+\b/iu;
/** A linked headline tagged in capitals at its end: "… plague outbreak [NEWS]", "… [VIDEO]". */
const TAGGED_LINK = /^[^.!?]{10,160}\[(?:[\p{Lu}]{3,15}|Video|Photos|Gallery|Watch|Pictures)\]\s*\|?$/u;
const CLICK_HERE = /^(?:please\s+)?(?:click|tap)\s+(?:here|below|on the link|the link|this link)\b/i;
const CLICK_HERE_ANYWHERE = /\b(?:click(?:ing)?|tap(?:ping)?) here\b/i;

/** True when the whole block is only a promo label ("Related", "READ MORE:", "Don't miss"). */
export function isBarePromoLabel(text: string): boolean {
  const t = tidy(text);
  return wordCount(t) <= 6 && BARE_LABEL.test(t);
}

/** True when the block is a bare label that heads a list of links ("Related stories", "You may also like"). */
export function isPromoListLabel(text: string): boolean {
  const t = tidy(text);
  return wordCount(t) <= 6 && LIST_LABEL.test(t);
}

/** Which promo pattern matches the text on its own, if any. */
export function promoPattern(text: string): string | undefined {
  const t = tidy(text);
  const words = wordCount(t);
  if (words === 0) return undefined;
  if (isBarePromoLabel(t) || WEAK_BARE_LABEL.test(t)) return 'promo-label';
  if (words <= 30 && LABEL_THEN_TEXT.test(t)) return 'promo-label';
  if (words <= 20 && WEAK_LABEL_THEN_TEXT.test(t)) return 'promo-label';
  if (words <= 20 && READ_CALL.test(t)) return 'read-more';
  if (words <= 30 && CLICK_HERE.test(t)) return 'click-here';
  if (words <= 25 && CLICK_HERE_ANYWHERE.test(t)) return 'click-here';
  if (words <= 20 && TAGGED_LINK.test(t)) return 'tagged-link';
  return undefined;
}

/** A block shaped like a linked headline: short, no sentence-final full stop, starts with a capital or digit. */
export function looksLikeHeadline(text: string): boolean {
  const t = tidy(text);
  const words = wordCount(t);
  return words >= 2 && words <= 18 && /^["'\p{Lu}\p{N}]/u.test(t) && !/[.:;,]$/.test(t);
}

/** How many headline-shaped blocks after a bare label are treated as its list of links. */
export const PROMO_LIST_MAX = 6;

/** The promo rule: labelled cross-promotion lines, read-more/click-here calls, and the links after a bare label. */
export function detectPromo(text: string, at: BlockContext): RuleHit | undefined {
  const pattern = promoPattern(text);
  if (pattern) return { reason: 'promo', rule: pattern, why: 'cross-promotion' };
  if (at.afterPromoLabel !== undefined && at.afterPromoLabel <= PROMO_LIST_MAX && looksLikeHeadline(text)) {
    return { reason: 'promo', rule: 'promo-link', why: 'linked headline after a promo label' };
  }
  return undefined;
}
