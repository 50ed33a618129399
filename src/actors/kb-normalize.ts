/**
 * Name normalisation shared by the knowledge-base build and the lookup API, so that a name indexed
 * at build time and a span looked up at run time fold to the same key.
 *
 * Folding: Unicode compatibility decomposition with diacritics removed ("Élysée" → "elysee"), a few
 * letters that do not decompose (ß, ł, ø, æ, œ, đ, ı, þ), typographic quotes and dashes to ASCII,
 * periods removed ("U.S." → "us", "Joseph R. Biden" → "joseph r biden"), lower case, runs of
 * whitespace collapsed. Hyphens and apostrophes are kept ("sino-", "quai d'orsay").
 */

const LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  ı: 'i',
  þ: 'th',
  Þ: 'th',
  ħ: 'h',
};

const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u00b4\u0060\u02bb\u02bc\u02be\u02bf]/g;
const DQUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
const MARKS = /\p{M}+/gu;
const SPECIAL = /[ßẞłŁøØæÆœŒđĐðÐıþÞħ]/g;

/** Keys already computed: the recogniser folds the same few thousand words over and over. */
const FOLDED = new Map<string, string>();
const FOLDED_MAX = 50_000;

/** Fold a name to its lookup key (see the module comment). Never throws; '' for blank input. */
export function normName(text: string): string {
  const known = FOLDED.get(text);
  if (known !== undefined) return known;
  const s = foldName(text);
  if (FOLDED.size >= FOLDED_MAX) FOLDED.clear();
  FOLDED.set(text, s);
  return s;
}

function foldName(text: string): string {
  let s = text.replace(SPECIAL, (c) => LETTERS[c] ?? c);
  s = s.normalize('NFKD').replace(MARKS, '');
  s = s.replace(QUOTES, "'").replace(DQUOTES, '"').replace(DASHES, '-');
  s = s.replace(/\./g, '');
  s = s.toLowerCase();
  s = s.replace(/\s+/g, ' ').trim();
  // "sino -" / "sino- " written with stray spaces around a combining form's hyphen
  s = s.replace(/ ?- ?$/, '-');
  return s;
}

/** Remove diacritics but keep case (used for display forms that must stay readable). */
export function stripDiacritics(text: string): string {
  return text
    .replace(SPECIAL, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(MARKS, '');
}

/** True when the text has at least one letter and every letter is upper case ("US", "NATO"). */
export function isAllCaps(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toUpperCase() && text !== text.toLowerCase();
}

/** True when the first letter of the text is upper case ("Turkey", "the Kremlin" → "Kremlin" is not checked). */
export function startsUpper(text: string): boolean {
  const m = /\p{L}/u.exec(text);
  return m !== null && m[0] !== m[0].toLowerCase();
}
