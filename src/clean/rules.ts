/**
 * The ordered list of single-block boilerplate rules. The first rule that matches decides the
 * drop reason, so more specific rules come first (a repeated headline before anything else, a
 * photo credit before a generic widget).
 */
import type { BlockRule, RuleReason } from './rule.js';
import { detectHeadline } from './headline.js';
import { detectCaption } from './caption.js';
import { detectPromo } from './promo.js';
import { detectWidget } from './widget.js';
import { detectCookie } from './cookie.js';
import { detectCopyright } from './copyright.js';
import { detectNavigation } from './navigation.js';
import { detectByline } from './byline.js';
import { detectDateline } from './dateline.js';

export interface NamedRule {
  /** The drop reason this rule gives (also the name used to disable it). */
  name: RuleReason;
  detect: BlockRule;
}

export const BLOCK_RULES: readonly NamedRule[] = Object.freeze([
  { name: 'headline', detect: detectHeadline },
  { name: 'caption', detect: detectCaption },
  { name: 'promo', detect: detectPromo },
  { name: 'widget', detect: detectWidget },
  { name: 'cookie', detect: detectCookie },
  { name: 'copyright', detect: detectCopyright },
  { name: 'navigation', detect: detectNavigation },
  { name: 'byline', detect: detectByline },
  { name: 'dateline-only', detect: detectDateline },
]);
