/**
 * Photo captions and photo credits.
 *
 * Three shapes are recognised: a block that describes a photo ("This file photo shows …",
 * "… is seen in this photo taken …", "Photo taken on …"), a block that ends with a photo credit
 * ("(PHOTO / AGENCY)", "(Photo: Agency)", "[Photo/Agency]", "… Photo: Name/Agency"), and a short
 * block that is only a credit ("File photo", "Image credit: …", "Name/Agency via Getty Images").
 * Wire credits without a photo word ("(Reuters)", "AFP -") are news datelines, not captions, and
 * are never matched. HTML figure captions (block kind `caption`) are dropped as captions.
 */
import type { BlockContext, RuleHit } from './rule.js';
import { tidy, wordCount } from './rule.js';
import { normalizedWords } from './shingles.js';
import { startsWithWords } from './words.js';

const PHOTO_NOUN = String.raw`(?:photo(?:graph)?s?|pictures?|pics?|images?|screenshots?|screen ?grabs?|video (?:grab|still)s?|stills?)`;
const PHOTO_MODIFIER = String.raw`(?:combo|combination|composite|collage|file|undated|handout|archive|archival|aerial|satellite|recent|family|official|drone|social media|video)`;
const PHOTO_VERB = String.raw`(?:shows?|showing|taken|released|provided|obtained|made|dated|posted|shared|distributed|captured|issued|supplied|from)`;

/** "This combo photo shows …", "A handout picture released by …", "Photo taken on … shows …". */
const DESCRIBES_PHOTO = new RegExp(
  String.raw`^(?:(?:this|these|the|a|an)\s+)?(?:${PHOTO_MODIFIER}\s+){0,3}${PHOTO_NOUN}\s+${PHOTO_VERB}\b`,
  'i',
);
/** "… is seen in this photo …", "… are pictured in this handout image …". */
const SEEN_IN_PHOTO = new RegExp(
  String.raw`\b(?:is|are|was|were)\s+(?:seen|pictured|shown|depicted)\s+in\s+(?:this|these)\s+(?:[\p{L}-]+\s+){0,3}?${PHOTO_NOUN}\b`,
  'iu',
);
/** "… in this file photo taken on …", "… in this undated handout picture." */
const IN_THIS_PHOTO = new RegExp(
  String.raw`\bin (?:this|these|an? undated|a file|a handout)\s+(?:${PHOTO_MODIFIER}\s+){0,3}${PHOTO_NOUN}(?:\s+${PHOTO_VERB}\b|\s*[,.)]|\s*$)`,
  'i',
);

const CREDIT_WORD = String.raw`(?:photo(?:graph)?s?|photographer|pic(?:ture)?s?|images?|(?:photo|image|picture) credits?|credits?\s*:|courtesy|illustrations?|file|handout)`;
/** A trailing parenthesised or bracketed group naming a photo: "(PHOTO / AGENCY)", "[Photo/Agencies]", "(AP Photo/Name)". */
const TRAILING_CREDIT_GROUP = new RegExp(
  String.raw`[(\[][^()\[\]]{0,60}\b${CREDIT_WORD}(?!\w)[^()\[\]]{0,80}[)\]]\s*\.?$`,
  'i',
);
/** A trailing "Photo: …" / "Photograph: …" / "Image credit: …" after the last sentence or a bar. */
const TRAILING_CREDIT_LABEL = new RegExp(
  String.raw`(?:[.!?"]|\s[|•·–—-])\s*(?:(?:photo|image|picture) credit|photo(?:graph)?s?|pictures?|images?|credit)\s*(?::|by\b)\s*([^.!?]{1,80})$`,
  'i',
);

/** A short block that is only a credit: "Photo: Agency", "Image credit: Name", "File photo". */
const CREDIT_LABEL_ONLY = new RegExp(
  String.raw`^[(\[]?\s*(?:(?:photo|image|picture|video) credits?|photo(?:graph)?s?|pictures?|images?|credits?|illustrations?|photographer)\s*(?::|/|by\b)\s*\S`,
  'i',
);
const FILE_PHOTO_ONLY = new RegExp(String.raw`^[(\[]?\s*(?:[\p{L}]+\s+){0,2}(?:file|handout|archive|stock|undated)\s+${PHOTO_NOUN}\s*[)\]]?\.?$`, 'iu');
const GROUP_ONLY = new RegExp(String.raw`^[(\[][^()\[\]]*\b${CREDIT_WORD}(?!\w)[^()\[\]]*[)\]]\.?$`, 'i');
/** Picture-agency credit forms: "Name/Agency via Getty Images", "AP Photo/Name", "Reuters/Name". */
const AGENCY_CREDIT = /(?:\bgetty images\b|\bvia getty\b|\bshutterstock\b|\bap photo\b|\bimago\b|\balamy\b|\bepa-efe\b|\b(?:reuters|afp|ap|epa|xinhua|anadolu|getty|pool|handout)\s*\/\s*[\p{Lu}]|[\p{L}.]\s*\/\s*(?:reuters|afp|ap|epa|xinhua|anadolu|getty|pool)\b)/iu;

/** A cheap pre-check: the later photo patterns all need one of these words. */
const PHOTO_HINT = /photo|picture|pics?\b|image|screen|video|still/i;

/** A sentence boundary: end punctuation, optional closing quote/bracket, space, then a capital or a digit. */
const SENTENCE_END = /[.!?]["')\]]?\s+(?=["'(]?[\p{Lu}\p{N}])/u;

/** True when the pattern matches inside the first sentence of the text (a caption opens with its description). */
function inFirstSentence(re: RegExp, t: string): boolean {
  const m = re.exec(t);
  if (!m) return false;
  return !SENTENCE_END.test(t.slice(0, m.index));
}

/**
 * Which photo-description pattern matches the text, if any. "… is seen in this photo" and "… in this
 * file photo" count only in the first sentence: a story that mentions a photo later is not a caption.
 */
export function describesPhoto(text: string): string | undefined {
  const t = tidy(text);
  if (DESCRIBES_PHOTO.test(t)) return 'photo-description';
  if (wordCount(t) > 80 || !PHOTO_HINT.test(t)) return undefined;
  if (inFirstSentence(SEEN_IN_PHOTO, t)) return 'seen-in-photo';
  if (inFirstSentence(IN_THIS_PHOTO, t)) return 'in-this-photo';
  return undefined;
}

/** A credit glued to the caption's last full stop by extraction: "… in New York.Reuters", "….Jane Roe/Getty". */
const GLUED_AGENCY = /[.!?](?:reuters|ap|afp|epa|getty images|getty|xinhua|anadolu|shutterstock|pool|handout)$/i;
const GLUED_NAME_CREDIT = /[.!?](?:[\p{Lu}][\p{L}'-]*\s){0,3}[\p{Lu}][\p{L}'-]*\s?\/\s?[\p{Lu}][\p{L}'-]*(?:\s[\p{Lu}][\p{L}'-]*)?$/u;
/** A short block ending in a bracketed credit of slash-separated names: "(NASA/JPL-Caltech/ASU)". */
const CREDIT_NAME = String.raw`[\p{Lu}][\p{L}\p{N}.&'-]*(?:[ -][\p{Lu}][\p{L}\p{N}.&'-]*){0,3}`;
const SLASH_CREDIT_GROUP = new RegExp(String.raw`\(${CREDIT_NAME}(?:\s?\/\s?${CREDIT_NAME})+\)\.?$`, 'u');

/** Which trailing-credit pattern matches the text, if any ("(PHOTO / AGENCY)", "… Photo: Name"). */
export function trailingPhotoCredit(text: string): string | undefined {
  const t = tidy(text);
  const words = wordCount(t);
  if (words > 80) return undefined;
  if (TRAILING_CREDIT_GROUP.test(t)) return 'credit-group';
  if (words <= 60 && (GLUED_AGENCY.test(t) || GLUED_NAME_CREDIT.test(t))) return 'glued-credit';
  if (words <= 30 && SLASH_CREDIT_GROUP.test(t)) return 'credit-group';
  const label = TRAILING_CREDIT_LABEL.exec(t);
  if (label && wordCount(label[1]) <= 8) return 'credit-label';
  return undefined;
}

/** Which credit-only pattern matches a short text, if any ("Photo: Agency", "File photo", "Name/Agency"). */
export function creditOnly(text: string): string | undefined {
  const t = tidy(text);
  const words = wordCount(t);
  if (words === 0 || words > 12) return undefined;
  if (CREDIT_LABEL_ONLY.test(t)) return 'credit-only';
  if (FILE_PHOTO_ONLY.test(t)) return 'file-photo';
  if (GROUP_ONLY.test(t)) return 'credit-only';
  if (words <= 8 && !/[.!?]$/.test(t) && AGENCY_CREDIT.test(t)) return 'agency-credit';
  return undefined;
}

/** True when the block opens with the document title and goes on: a headline-led summary, not a caption. */
export function opensWithTitle(text: string, title: string | undefined): boolean {
  if (!title) return false;
  const head = normalizedWords(title);
  return head.length >= 3 && wordCount(text) > head.length && startsWithWords(text, head);
}

/**
 * The caption rule: figure captions, photo descriptions, trailing credits and credit-only lines.
 * A block that opens with the document's title (a wire item's headline followed by its summary,
 * even when the summary was written as a photo caption) is never a caption.
 */
export function detectCaption(text: string, at: BlockContext): RuleHit | undefined {
  if (at.kind === 'caption') return { reason: 'caption', rule: 'figure-caption', why: 'figure caption' };
  if (opensWithTitle(text, at.title)) return undefined;
  const description = describesPhoto(text);
  if (description) return { reason: 'caption', rule: description, why: 'describes a photo' };
  const credit = trailingPhotoCredit(text) ?? creditOnly(text);
  if (credit) return { reason: 'caption', rule: credit, why: 'photo credit' };
  return undefined;
}
