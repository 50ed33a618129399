/**
 * Page widgets that extraction lets through: share and comment buttons, subscribe and newsletter
 * boxes, follow-us and download-our-app calls, advertisement markers, lists of social handles,
 * reading-time badges, gallery/player interface labels and affiliate-link disclosures. Every pattern is limited to short blocks, so a news paragraph that mentions
 * a newsletter or a social network is kept.
 */
import type { BlockContext, RuleHit } from './rule.js';
import { tidy, wordCount } from './rule.js';
import { normalizedWords } from './shingles.js';

const AD_MARKER =
  /^(?:advertisement|advertising|advert|ad|ads|anzeige|werbung|publicidad|publicité|pubblicità|iklan|реклама|sponsored(?: content| post)?|paid (?:content|post)|promoted(?: content)?|partner content|(?:story|article|content) continues below(?: this)?(?: advertisement| ad)?|continue reading (?:the main story|below)|scroll (?:down )?to continue(?: with content)?|ad feedback|report this ad)(?:\s*[-–—:|]\s*(?:scroll (?:down )?to continue(?: with content)?|continue reading below|story continues below))?\s*[.:]?$/i;

/** Words a share/print/social button row is made of. */
const SHARE_WORDS = new Set([
  'share', 'shares', 'sharing', 'this', 'article', 'story', 'page', 'post', 'on', 'via', 'to', 'with', 'a', 'the',
  'friend', 'facebook', 'twitter', 'x', 'linkedin', 'whatsapp', 'telegram', 'email', 'e', 'mail', 'print',
  'reddit', 'pinterest', 'copy', 'link', 'copied', 'tweet', 'messenger', 'tumblr', 'flipboard', 'sms', 'save',
  'bookmark', 'gift', 'send', 'url', 'google', 'comments', 'comment', 'threads', 'bluesky', 'mastodon', 'vk',
  'weibo', 'wechat', 'line', 'viber', 'pocket', 'more', 'options', 'close', 'share2', 'submit', 'pin', 'it',
]);
const SHARE_STRONG = new Set([
  'share', 'tweet', 'facebook', 'twitter', 'linkedin', 'whatsapp', 'telegram', 'email', 'print', 'reddit',
  'pinterest', 'comments', 'comment', 'messenger', 'flipboard', 'bookmark',
]);
const COMMENTS =
  /^(?:\d+\s+)?(?:comments?\s*(?:\(\d+\))?|leave a (?:comment|reply)|post a comment|add (?:a|your) comment|join the (?:conversation|discussion)|(?:show|view|hide|load|see|read) (?:all )?(?:\d+ )?comments?|comment on this (?:story|article)|be the first to comment|comments are closed|have your say)\b/i;
const SUBSCRIBE_START =
  /^(?:subscribe|sign up|signup|register|join|get|want|receive|never miss|stay (?:informed|up to date|updated|in the loop)|don'?t miss|do not miss|enter your e-?mail|love this|like this|enjoyed this)\b/i;
/** What a subscribe call offers; "sign up"/"subscribe" alone are not enough ("Sign up for a streaming plan"). */
const SUBSCRIBE_NOUN = /\b(?:newsletters?|inbox|e-?mail alerts?|news alerts|breaking news alerts|daily briefing|morning briefing|evening briefing)\b/i;
const SUBSCRIBE_BARE = /^(?:subscribe|sign up|sign in|log in|register)(?: now| today| here| for free)?\s*[.!]?$/i;
const SUBSCRIBE_ANYWHERE =
  /\b(?:(?:sign up|subscribe) (?:for|to) (?:our|the|my)\b[^.]{0,40}\b(?:newsletters?|channel|podcast|alerts|feed|briefing)|delivered (?:straight |directly |right )?to your inbox|subscribe (?:now|today|here)\b|already a subscriber|become a (?:subscriber|member))\b/i;
const FOLLOW_US =
  /^(?:follow|like|find|join|connect with|subscribe to)\s+(?:us|@[\w.]+|[\p{Lu}][\p{L}.'-]*(?:\s+[\p{Lu}][\p{L}.'-]*){0,4})(?:\s+on\s+(?:twitter|x|facebook|instagram|linkedin|telegram|youtube|tiktok|threads|mastodon|bluesky|google news|whatsapp|snapchat)\b.*)?$/iu;
const FOLLOW_ON_NETWORK =
  /\bon (?:twitter|x|facebook|instagram|linkedin|telegram|youtube|tiktok|threads|mastodon|bluesky|google news|whatsapp|snapchat)\b/i;
const DOWNLOAD_APP =
  /\b(?:download|get|install) (?:our|the)(?: [\p{L}'-]+){0,4} app\b|\b(?:available|download(?: it)?|get it) on (?:the )?(?:app store|google play)\b/iu;
/** Interface labels of galleries, players and page tools ("Enlarge image", "Image 2 of 5", "Text size"). */
const UI_LABEL =
  /^(?:caption|hide caption|toggle caption|close|enlarge(?: this)? (?:image|photo)|expand|collapse|text size|font size|print this (?:page|article)|listen to this article|play video|watch video|replay|loading(?: content)?\s*(?:\.{3}|…)?|view gallery|open gallery|(?:image|photo|picture|slide) \d+ (?:of|\/) \d+|\d+ (?:photos|images))$/i;
/** "Like this story? Share it …", "Affiliate links" disclosures. */
const SHARE_CALL = /^(?:like|love|enjoy(?:ed)?) this (?:story|article|post)\?\s*share\b/i;
const AFFILIATE =
  /\baffiliate (?:links?|commission|partnerships?)\b|\breferral links\b|\b(?:earn|receive|get) (?:a |an )?(?:small )?(?:affiliate )?commission (?:if|when|from|on) (?:you|purchases|sales|items|products)\b/i;
const READING_TIME = /^(?:\d+\s*(?:-\s*)?(?:min(?:ute)?s?|mins?)\.?\s+read|reading time:?\s*\d+\s*(?:min(?:ute)?s?|mins?)\.?)$/i;
const NETWORK = /^(?:facebook|twitter|x|instagram|linkedin|telegram|youtube|tiktok|threads|mastodon|bluesky|whatsapp|snapchat|rss|email|e-mail)$/i;

/** True when the block is an advertisement marker ("Advertisement", "Story continues below advertisement"). */
export function isAdMarker(text: string): boolean {
  return AD_MARKER.test(tidy(text));
}

/** True when the block is a row of share/print/comment buttons ("Share this article", "Facebook Twitter Email"). */
export function isShareRow(text: string): boolean {
  if (wordCount(text) > 12) return false;
  const words = normalizedWords(text);
  if (words.length === 0 || words.length > 12) return false;
  let strong = 0;
  for (const w of words) {
    if (/^\d+$/.test(w)) continue;
    if (!SHARE_WORDS.has(w)) return false;
    if (SHARE_STRONG.has(w)) strong++;
  }
  return strong > 0;
}

/** True when the block is a list of social handles or network names ("@outlet | Facebook | Instagram"). */
export function isSocialList(text: string): boolean {
  const t = tidy(text);
  if (t.length > 300 || !/@|\b(?:facebook|twitter|instagram|linkedin|telegram|youtube|tiktok|whatsapp|https?:)/i.test(t)) return false;
  const parts = t.split(/[\s|•·,/]+/).filter((p) => p.length > 0 && !/^[-–—:]$/.test(p));
  if (parts.length < 2 || parts.length > 15) return false;
  const social = parts.filter((p) => /^@[\w.]{2,}$/.test(p) || NETWORK.test(p) || /^https?:\/\//.test(p));
  return social.length >= 2 && social.length / parts.length >= 0.6;
}

/** Which subscribe/follow/app pattern matches a short block, if any. */
export function callToAction(text: string): string | undefined {
  const t = tidy(text);
  const words = wordCount(t);
  if (words === 0 || words > 35) return undefined;
  if (SUBSCRIBE_BARE.test(t) || (SUBSCRIBE_START.test(t) && SUBSCRIBE_NOUN.test(t)) || SUBSCRIBE_ANYWHERE.test(t)) return 'subscribe';
  if (words <= 20 && /^subscribe to\s+\S/i.test(t)) return 'subscribe';
  if (words <= 20 && FOLLOW_US.test(t) && (FOLLOW_ON_NETWORK.test(t) || /^follow us\b/i.test(t))) return 'follow-us';
  if (words <= 30 && DOWNLOAD_APP.test(t)) return 'download-app';
  return undefined;
}

/** The widget rule: ads, share/comment rows, interface labels, affiliate notes, subscribe/follow/app calls, social lists, reading time. */
export function detectWidget(text: string, _at: BlockContext): RuleHit | undefined {
  const t = tidy(text);
  if (isAdMarker(t)) return { reason: 'widget', rule: 'advertisement', why: 'advertisement marker' };
  if (wordCount(t) <= 12 && COMMENTS.test(t)) return { reason: 'widget', rule: 'comments', why: 'comments widget' };
  if (isShareRow(t) || (wordCount(t) <= 15 && SHARE_CALL.test(t))) return { reason: 'widget', rule: 'share', why: 'share buttons' };
  if (UI_LABEL.test(t)) return { reason: 'widget', rule: 'ui-label', why: 'interface label' };
  if (wordCount(t) <= 40 && AFFILIATE.test(t)) return { reason: 'widget', rule: 'affiliate-disclosure', why: 'affiliate disclosure' };
  const cta = callToAction(t);
  if (cta) return { reason: 'widget', rule: cta, why: 'call to action' };
  if (isSocialList(t)) return { reason: 'widget', rule: 'social-handles', why: 'list of social handles' };
  if (READING_TIME.test(t)) return { reason: 'widget', rule: 'reading-time', why: 'reading-time badge' };
  return undefined;
}
