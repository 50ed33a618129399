/**
 * Cookie and consent notices ("We use cookies to improve your experience …", "Accept all cookies").
 * A block must name cookies (or consent settings) and use the wording of a site notice.
 */
import type { BlockContext, RuleHit } from './rule.js';
import { tidy, wordCount } from './rule.js';

const COOKIE = /\bcookies?\b/i;
const NOTICE =
  /\b(?:we use|we and our partners use|(?:this|our) (?:web)?site|(?:web)?site uses|uses cookies|browsing|browser|accept|consent|privacy (?:policy|settings|notice|preferences)|cookie (?:policy|settings|preferences|notice|statement)|by continuing|by using|by clicking|personali[sz]ed?|improve your experience|tracking technologies)\b/i;
const CONSENT_BUTTON =
  /^(?:accept(?: all)?(?: cookies)?|reject(?: all)?(?: cookies)?|allow(?: all)? cookies|manage (?:cookies|cookie settings|consent|preferences|privacy settings)|cookie (?:settings|preferences|policy)|privacy settings|do not sell(?: or share)? my personal information)\.?$/i;

/** True when the block is a cookie/consent notice or a consent button label. */
export function isCookieNotice(text: string): boolean {
  const t = tidy(text);
  const words = wordCount(t);
  if (words === 0 || words > 80) return false;
  if (CONSENT_BUTTON.test(t)) return true;
  return COOKIE.test(t) && NOTICE.test(t);
}

/** The cookie rule. */
export function detectCookie(text: string, _at: BlockContext): RuleHit | undefined {
  return isCookieNotice(text) ? { reason: 'cookie', rule: 'cookie-notice', why: 'cookie or consent notice' } : undefined;
}
