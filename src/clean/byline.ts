/**
 * Bylines, reporting credits and author boxes.
 *
 * - `by-line`: "By Jane Doe", "By JANE DOE and JOHN ROE | Agency", "By Jane Doe in Lagos",
 *   "Written by Jane Doe" (a short block of capitalised names; "By Friday, …" and "By contrast"
 *   are sentences and are kept);
 * - `reporting-credit`: "Reporting by …; Editing by …", "(Additional reporting by …)",
 *   "Contributing: …", "Jane Doe contributed reporting from …", "Via …", "Source: …",
 *   "Posted on <date> by …";
 * - `author-box`: near the end, "Jane Doe is a correspondent for …", "Jane Doe covers …",
 *   "The author is a …"; `author-contact`: "Contact the author at …", "… may be reached at …",
 *   a lone e-mail address or social-profile link;
 * - `meta-byline`: a short block equal to the author line found by extraction.
 */
import type { BlockContext, RuleHit } from './rule.js';
import { tidy, wordCount } from './rule.js';
import { normalizedWords } from './shingles.js';

/** Words that start sentences like "By Friday, …" or "By March the …": never a name. */
const NOT_A_NAME = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march',
  'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'then', 'now', 'law',
  'contrast', 'comparison', 'far', 'default', 'design', 'chance', 'mid', 'late', 'early', 'noon', 'midnight',
  'dawn', 'nightfall', 'evening', 'morning', 'afternoon', 'tonight', 'tomorrow', 'yesterday', 'today', 'this',
  'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'all', 'some', 'most', 'many', 'several',
  'using', 'taking', 'making', 'doing', 'going', 'being', 'having', 'giving', 'then', 'year', 'end', 'next',
]);
/** Lower-case words allowed in a byline: name particles and the words of a staff title. */
const BYLINE_LOWER = new Set([
  'and', 'in', 'for', 'of', 'the', 'at', 'with', 'from', 'de', 'da', 'del', 'della', 'di', 'van', 'von', 'der',
  'den', 'bin', 'binti', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'ibn', 'staff', 'writer', 'writers',
  'reporter', 'reporters', 'correspondent', 'correspondents', 'editor', 'editors', 'contributor', 'special',
  'to', 'senior', 'chief', 'news', 'desk', 'team', 'agencies', 'agency', 'wires', 'service', 'political',
  'foreign', 'diplomatic', 'international', 'business', 'updated', 'published', 'on',
]);
const BY_START = /^(?:by|written by|story by|words by|text by|report by|posted by|reported by|byline:?)\s+(.*)$/i;
/** The credit's label; the name after it must start with a capital (checked separately: /i would fold \p{Lu}). */
const REPORTING_CREDIT =
  /^[([]?\s*(?:additional |further |with additional )?(?:reporting|writing|editing|edited|written|compiled|produced|translated|research|graphics|contributions|contributing reporting) by\s+(\S)/i;
const CONTRIBUTING = /^(?:contributing(?: reporters?| writers?)?|contributors?)\s*:\s*(\S)/i;
const CAPITAL = /^[\p{Lu}]/u;
const NAME = String.raw`[\p{Lu}][\p{L}'.-]*(?:\s+(?:[\p{Lu}][\p{L}'.-]*|de|da|del|van|von|der|bin|al|el|la|le|du|dos|ibn)){1,4}`;
const ROLE = String.raw`(?:correspondent|reporter|journalist|writer|editor|columnist|contributor|freelancer|freelance (?:writer|journalist|reporter)|fellow|producer|author|blogger|photographer|photojournalist|intern|anchor|commentator|critic|reviewer|curator|researcher at)`;
/** "Jane Roe contributed reporting from Lagos.", "Agency writers A, B and C contributed to this report." */
const CONTRIBUTED = /\bcontributed(?: additional)? (?:reporting|research|to this (?:report|story|article|piece))(?: (?:from|in) [\p{Lu}][\p{L} .,'-]{0,40})?\.?$/u;
/** Syndication and source credits: "Via Some Syndicate", "Source: news agencies". */
const VIA_OR_SOURCE = /^(?:via\s+\S+(?:\s+\S+){0,3}|sources?\s*:\s*\S.*|with inputs from\s+\S.*)$/i;
/** "Posted on March 3, 2021 by Admin". */
const POSTED_BY = /^(?:posted|published|written|submitted)(?: on [^,]{3,30}(?:, \d{4})?)? by\s+\S/i;
/** "Jane Roe may be reached at …", "Reach the reporters on Twitter at …". */
const REACHED_AT = /\b(?:may|can) be reached at\b|^reach (?:the )?(?:author|reporters?|writers?)\b/i;
const AUTHOR_IS = new RegExp(
  String.raw`^${NAME}\s+(?:is|was|has been)\s+(?:a|an|the)\s+(?:[\p{L}'-]+\s+){0,5}?${ROLE}s?\b`,
  'u',
);
const AUTHOR_COVERS = new RegExp(String.raw`^${NAME}\s+(?:covers|writes about|reports on|reports for|writes for|is based in)\b`, 'u');
const THE_AUTHOR = /^(?:the )?(?:author|writer|columnist)s? (?:is|are|was) (?:a|an|the)\b/i;
const CONTACT = /^(?:[Cc]ontact|[Ee]-?mail|[Rr]each|[Ww]rite to) (?:the )?(?:author|reporter|writer|[\p{Lu}][\p{L}'-]*(?: [\p{Lu}][\p{L}'-]*){0,3}) (?:at|on|via)\b/u;

/** True when the block is a "By …" line: a short run of capitalised names, optionally with an outlet or staff title. */
export function isByLine(text: string): boolean {
  const t = tidy(text);
  if (/^by:?$/i.test(t)) return true;
  if (wordCount(t) > 18) return false;
  const m = BY_START.exec(t);
  if (!m) return false;
  const rest = m[1].trim();
  if (!/^[\p{Lu}]/u.test(rest)) return false;
  const words = normalizedWords(rest);
  if (words.length === 0 || NOT_A_NAME.has(words[0])) return false;
  if (/[!?]$/.test(t)) return false;
  // A sentence-final full stop is allowed only after an initial or an abbreviation ("Jr.", "J.").
  if (/\.$/.test(t) && !/(?:\b[\p{Lu}]|\b(?:Jr|Sr|Inc|Ltd|Co))\.$/u.test(t)) return false;
  // Every token outside a trailing "| Outlet" / ", Outlet" part must be a capitalised name or an allowed small word.
  const tokens = rest.split(/[\s,;|/•·–—-]+/).filter((x) => x.length > 0);
  for (const tok of tokens) {
    const bare = tok.replace(/^[("'[]+|[)"'\].:]+$/g, '');
    if (bare.length === 0 || /^[@\p{N}]/u.test(bare)) continue;
    if (/^[\p{Lu}]/u.test(bare)) continue;
    if (!BYLINE_LOWER.has(bare.toLowerCase())) return false;
  }
  return true;
}

/** Which author-box pattern matches the block, if any ("Jane Doe is a correspondent for …"). */
export function authorBox(text: string): string | undefined {
  const t = tidy(text);
  if (wordCount(t) > 50) return undefined;
  if (AUTHOR_IS.test(t) || AUTHOR_COVERS.test(t) || THE_AUTHOR.test(t)) return 'author-box';
  if (wordCount(t) <= 20 && CONTACT.test(t)) return 'author-contact';
  if (wordCount(t) <= 40 && REACHED_AT.test(t) && /@|https?:|\.com\b/.test(t)) return 'author-contact';
  if (/^(?:\S+@\S+\.\w{2,}|(?:https?:\/\/)?(?:www\.)?(?:twitter|x|facebook|instagram|linkedin)\.com\/\S+)$/i.test(t)) return 'author-contact';
  return undefined;
}

/** True when the block is only a reporting/editing credit ("Reporting by …; Editing by …"). */
export function isReportingCredit(text: string): boolean {
  const t = tidy(text);
  const words = wordCount(t);
  if (words <= 40 && CONTRIBUTED.test(t) && !/[.!?]\s+\S[^.!?]*\bcontributed\b/.test(t)) return true;
  if (words <= 6 && VIA_OR_SOURCE.test(t)) return true;
  if (words <= 12 && POSTED_BY.test(t)) return true;
  const credit = words <= 40 ? REPORTING_CREDIT.exec(t) : null;
  const contributing = words <= 20 ? CONTRIBUTING.exec(t) : null;
  return (credit !== null && CAPITAL.test(credit[1])) || (contributing !== null && CAPITAL.test(contributing[1]));
}

/** How many blocks at the end of a document may hold an author box. */
export const AUTHOR_BOX_TAIL = 3;

/** The byline rule. */
export function detectByline(text: string, at: BlockContext): RuleHit | undefined {
  if (isByLine(text)) return { reason: 'byline', rule: 'by-line', why: 'author line' };
  if (isReportingCredit(text)) return { reason: 'byline', rule: 'reporting-credit', why: 'reporting credit' };
  if (at.index >= at.count - AUTHOR_BOX_TAIL) {
    const box = authorBox(text);
    if (box) return { reason: 'byline', rule: box, why: 'author box' };
  }
  if (at.byline && wordCount(text) <= 12) {
    const block = normalizedWords(text).join(' ');
    const meta = normalizedWords(at.byline).join(' ');
    if (meta.length > 0 && (block === meta || block === `by ${meta}`)) {
      return { reason: 'byline', rule: 'meta-byline', why: 'equals the extracted author line' };
    }
  }
  return undefined;
}
