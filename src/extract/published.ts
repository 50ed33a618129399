/**
 * The publication-date cascade: where a page says when it was first published.
 *
 * Rules, from the most to the least trusted:
 * 1. `json-ld`: `datePublished` of a schema.org Article-like object (`@graph`, arrays, nesting);
 * 2. `meta:<name>`: Open Graph / Dublin Core / vendor `<meta>` names for the publication date;
 * 3. `itemprop`: an element with `itemprop="datePublished"` (its `content`, `datetime` or text);
 * 4. `time`: a `<time datetime>` marked as the publication time, else one in the article header,
 *    else the first one that is not marked as an update;
 * 5. `url`: a full date in the URL path (`/2020/05/12/`, `/2020-05-12`, `20200512`);
 * 6. `element`: the text of an element whose class or id says it holds the date;
 * 7. `text`: a "Published …"/"Posted …" line or a dateline in the first lines of the article.
 *
 * Update dates (`dateModified`, `article:modified_time`, …) are collected too: a candidate later
 * than the last-modified date, in the future, or before 1995 is skipped.
 */
import type { MetaIndex } from './metadata.js';
import { normaliseSpace } from './blocks.js';
import { CJK_DATE, isoDay, parseDate } from './parse-date.js';

/** A publication date and the rule that found it. */
export interface Dated {
  /** `YYYY-MM-DD`. */
  date: string;
  /** The rule: `json-ld`, `meta:<name>`, `itemprop`, `time`, `url`, `element`, `image-url`, `raw`, `text`. */
  from: string;
  /** The string the date was read from, when it was a datetime value. */
  raw?: string;
}

export interface FindPublishedOptions {
  /** The page URL, for the URL rule. */
  url?: string;
  /** The page language (`en-US`, `fr`): how ambiguous slashed dates in the text are read. */
  lang?: string;
  /** Today, `YYYY-MM-DD` (default: the current UTC day); later dates are never returned. */
  today?: string;
}

/** `<meta>` names and properties that give the publication date, most trusted first. */
export const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'article:published', 'og:article:published_time',
  'datepublished', 'published_time', 'publish-date', 'publishdate', 'publish_date', 'pubdate',
  'parsely-pub-date', 'sailthru.date', 'article.published', 'article_date_original',
  'original-publish-date', 'originalpublicationdate', 'dc.date.issued', 'dcterms.issued',
  'dc.date.created', 'dcterms.created', 'dc.date', 'dcterms.date', 'citation_publication_date',
  'citation_date', 'date', 'datecreated', 'created', 'release_date', 'date.release', 'pdate',
  'published-date', 'article:post_date', 'cxenseparse:recs:publishtime', 'bt:pubdate', 'live_date',
  'displaydate', 'nv:date', 'ptime', 'analyticsattributes.articledate', 'dc.created',
] as const;

/** `<meta>` names that give the last-modified date. */
export const MODIFIED_META = [
  'article:modified_time', 'og:updated_time', 'og:modified_time', 'datemodified', 'dc.date.modified',
  'dcterms.modified', 'last-modified', 'lastmod', 'modified', 'updated_time', 'article:modified',
  'revised', 'parsely-updated-date', 'sailthru.lastmodified',
] as const;

const ARTICLE_TYPES = /^(?:article|newsarticle|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|backgroundnewsarticle|reviewnewsarticle|blogposting|liveblogposting|report|scholarlyarticle|techarticle|socialmediaposting|satiricalarticle|advertisercontentarticle|videoobject|webpage|itempage|newsmediaorganization)$/i;
const STRONG_ARTICLE_TYPES = /article|blogposting|report|posting/i;

/** Words of class/id/itemprop values that mark an update rather than the first publication. */
const UPDATE_WORDS = /updat|modif|edited|revis|changed|aktualisiert|actualiz|atualiz|обновл|оновл|güncel/i;
/** Words of class/id values that mark a publication date. */
const DATE_CLASS = /(?:^|[\s_-])(?:date|dates|datetime|time|timestamp|published|publish|pubdate|pub-date|posted|post-date|postdate|entry-date|article-date|date-publish|datepublished|byline|meta-date|created|dateline)(?:$|[\s_-])/i;

interface Bounds {
  min: string;
  max: string;
  /** How to read ambiguous slashed numeric dates in the page's text. */
  order: 'mdy' | 'dmy';
}

/**
 * The order of ambiguous slashed dates ("05/06/2020") for a page language: month first for
 * English without a region or with the US region, day first otherwise.
 */
export function slashOrder(lang: string | undefined): 'mdy' | 'dmy' {
  return lang && /^en(?:[-_]us)?$/i.test(lang.trim()) ? 'mdy' : 'dmy';
}

function inBounds(date: string | undefined, b: Bounds): date is string {
  return date !== undefined && date >= b.min && date <= b.max;
}

/** Today as `YYYY-MM-DD` (UTC). */
function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

interface LdDates {
  published: { date: string; strong: boolean; raw: string }[];
  modified: string[];
}

/** Parse the text of a JSON-LD script leniently (comments, CDATA, trailing commas, raw newlines). */
function parseLd(text: string): unknown {
  const cleaned = text
    .replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')
    .replace(/^\s*\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '')
    .trim();
  if (!cleaned) return undefined;
  try {
    return JSON.parse(cleaned);
  } catch {
    try {
      return JSON.parse(cleaned.replace(/,\s*([}\]])/g, '$1').replace(/[\n\r\t]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function firstString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return firstString(v[0]);
  if (v && typeof v === 'object' && '@value' in v) return firstString((v as Record<string, unknown>)['@value']);
  return undefined;
}

function walkLd(node: unknown, out: LdDates, depth: number): void {
  if (depth > 12 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const x of node) walkLd(x, out, depth + 1);
    return;
  }
  const o = node as Record<string, unknown>;
  const types = typesOf(o);
  const articleLike = types.length === 0 || types.some((t) => ARTICLE_TYPES.test(t.replace(/^schema:|^https?:\/\/schema\.org\//, '')));
  if (articleLike) {
    const strong = types.some((t) => STRONG_ARTICLE_TYPES.test(t));
    const raw = firstString(o.datePublished) ?? firstString(o.dateCreated) ?? (strong ? undefined : firstString(o.uploadDate)) ?? '';
    const pub = parseDate(raw);
    if (pub) out.published.push({ date: pub, strong, raw });
    const mod = parseDate(firstString(o.dateModified) ?? '');
    if (mod) out.modified.push(mod);
  }
  for (const [k, v] of Object.entries(o)) {
    // Dates of authors, publishers, comments or reviewed items are not the article's.
    if (k === 'author' || k === 'publisher' || k === 'comment' || k === 'review' || k === 'itemReviewed') continue;
    if (v && typeof v === 'object') walkLd(v, out, depth + 1);
  }
}

/** Dates of a JSON-LD script that does not parse, read by key (`"datePublished": "…"`). */
function scanBrokenLd(text: string, out: LdDates): void {
  const strong = /"@type"\s*:\s*"[^"]*(?:article|blogposting|report|posting)/i.test(text);
  const pub = /"datePublished"\s*:\s*"([^"]{6,40})"/.exec(text);
  const d = pub ? parseDate(pub[1]) : undefined;
  if (d && pub) out.published.push({ date: d, strong, raw: pub[1] });
  const mod = /"dateModified"\s*:\s*"([^"]{6,40})"/.exec(text);
  const m = mod ? parseDate(mod[1]) : undefined;
  if (m) out.modified.push(m);
}

function jsonLdDates(document: Document): LdDates {
  const out: LdDates = { published: [], modified: [] };
  for (const s of Array.from(document.querySelectorAll('script'))) {
    const type = (s.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    const text = s.textContent ?? '';
    const parsed = parseLd(text);
    if (parsed === undefined) scanBrokenLd(text, out);
    else walkLd(parsed, out, 0);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// URL

/** A full date in a URL path: `/2020/05/12/`, `/2020-05-12`, `_20200512`, within sane bounds. */
export function dateFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let path = url;
  try {
    const u = new URL(url);
    path = u.pathname + u.search;
  } catch {
    /* use the string as it is */
  }
  let m = /(?:^|[/_.-])((?:19|20)\d{2})[/_.-](\d{1,2})[/_.-](\d{1,2})(?!\d)/.exec(path);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  m = /(?:^|[/_.=-])((?:19|20)\d{2})(\d{2})(\d{2})(?!\d)/.exec(path);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  m = /(?:^|[/_.-])(\d{1,2})[/_.-](\d{1,2})[/_.-]((?:19|20)\d{2})(?=$|[/_.?&#-])/.exec(path);
  if (m) return isoDay(+m[3], +m[2], +m[1]);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Elements

function attrWords(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
}

/** True when the element or one of its three nearest ancestors is labelled as an update. */
function labelledUpdate(el: Element): boolean {
  let e: Element | null = el;
  for (let i = 0; e && i < 3; i++, e = e.parentElement) {
    if (UPDATE_WORDS.test(attrWords(e))) return true;
  }
  // A label just before the element ("Updated: <time>").
  const prev = normaliseSpace(el.previousSibling?.textContent ?? '').slice(-25);
  return UPDATE_WORDS.test(prev);
}

/** True when the element lies in a comment section, a related-articles list or the footer. */
function outsideArticle(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const tag = e.tagName;
    if (tag === 'FOOTER' || tag === 'ASIDE') return true;
    if (/(?:^|[\s_-])(?:comments?|related|sidebar|widget|footer|recommended|trending|popular|more-stories)(?:$|[\s_-])/i.test(attrWords(e))) {
      return true;
    }
  }
  return false;
}

function dateOfElement(el: Element, order: 'mdy' | 'dmy'): string | undefined {
  for (const attr of ['datetime', 'content', 'data-datetime', 'data-date', 'title']) {
    const v = el.getAttribute(attr);
    const d = v ? parseDate(v, { order }) : undefined;
    if (d) return d;
  }
  return dateInText(normaliseSpace(el.textContent ?? '').slice(0, 120), order);
}

function itempropDate(document: Document, b: Bounds): string | undefined {
  for (const el of Array.from(document.querySelectorAll('[itemprop]'))) {
    if (el.tagName === 'META') continue;
    const prop = (el.getAttribute('itemprop') ?? '').toLowerCase();
    if (prop !== 'datepublished' && prop !== 'datecreated') continue;
    const d = dateOfElement(el, b.order);
    if (inBounds(d, b)) return d;
  }
  return undefined;
}

function timeDate(document: Document, b: Bounds): string | undefined {
  const times = Array.from(document.querySelectorAll('time')).filter((t) => !outsideArticle(t));
  // A time marked as the publication time.
  for (const t of times) {
    const words = attrWords(t);
    if (t.hasAttribute('pubdate') || /publish|posted|created|pubdate/i.test(words)) {
      if (labelledUpdate(t)) continue;
      const d = dateOfElement(t, b.order);
      if (inBounds(d, b)) return d;
    }
  }
  // Else a time in the article's header, then the first time that is not an update.
  const inHeader = (t: Element): boolean => {
    let level = 0;
    for (let e: Element | null = t.parentElement; e && level < 8; e = e.parentElement, level++) {
      if (e.tagName === 'HEADER' || /(?:^|[\s_-])(?:article|entry|post|story)-?header(?:$|[\s_-])/i.test(attrWords(e))) return true;
    }
    return false;
  };
  for (const t of [...times.filter(inHeader), ...times]) {
    if (!t.hasAttribute('datetime') || labelledUpdate(t)) continue;
    const d = parseDate(t.getAttribute('datetime') ?? '');
    if (inBounds(d, b)) return d;
  }
  return undefined;
}

function elementDate(document: Document, b: Bounds): string | undefined {
  const root = document.querySelector('article') ?? document.body;
  let seen = 0;
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (++seen > 4000) break;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!DATE_CLASS.test(words) || UPDATE_WORDS.test(words)) continue;
    const text = normaliseSpace(el.textContent ?? '');
    if (text.length === 0 || text.length > 150) continue;
    if (outsideArticle(el) || labelledUpdate(el)) continue;
    const d = dateOfElement(el, b.order);
    if (inBounds(d, b)) return d;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Text

const NUMERIC_IN_TEXT = /(?<![\d.:/])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?![\d])/;
const ISO_IN_TEXT = /(?<![\d])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![\d])/;
const WRITTEN_IN_TEXT =
  /(?:(\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:de\s+)?([\p{L}]{3,12})\.?,?\s+(?:de\s+)?((?:19|20)\d{2}))|(?:([\p{L}]{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2}))/u;

/**
 * The first date written in a short text ("12.05.2020", "2020-05-12", "May 12, 2020",
 * "12 мая 2020", "2020年5月12日"). Dotted and dashed numeric dates are read day first; slashed
 * ones by `order` (default day first) unless one field is over 12.
 */
export function dateInText(text: string, order: 'mdy' | 'dmy' = 'dmy'): string | undefined {
  let m = ISO_IN_TEXT.exec(text);
  if (m) {
    const d = isoDay(+m[1], +m[2], +m[3]);
    if (d) return d;
  }
  m = CJK_DATE.exec(text);
  if (m) {
    const d = isoDay(+m[1], +m[2], +m[3]);
    if (d) return d;
  }
  m = WRITTEN_IN_TEXT.exec(text);
  if (m) {
    const d = parseDate(m[0]);
    if (d) return d;
  }
  m = NUMERIC_IN_TEXT.exec(text);
  if (m) return parseDate(`${m[1]}${m[2]}${m[3]}${m[2]}${m[4]}`, { order: m[2] === '/' ? order : 'dmy' });
  return undefined;
}

const PUBLISHED_LABEL = /^(?:first\s+)?(?:published|posted|publicado|publicada|publié|publiée|veröffentlicht|pubblicato|gepubliceerd|yayın(?:lanma)?|опубликовано|опубліковано|diterbitkan|dipublikasikan|date)\b/i;

/**
 * A publication date from the article's first lines: a line that starts with "Published",
 * "Posted" (or the same word in a few other languages), else a dateline: a short line (60
 * characters at most) holding a date, or a date before a dash, bar or colon in the first 60
 * characters of a line; "Updated" lines are skipped.
 */
export function publishedFromText(lines: readonly string[], opts: { today?: string; lang?: string } = {}): Dated | undefined {
  const b: Bounds = { min: '1995-01-01', max: opts.today ?? utcToday(), order: slashOrder(opts.lang) };
  for (const line of lines.slice(0, 12)) {
    if (!PUBLISHED_LABEL.test(line)) continue;
    const d = dateInText(line.slice(0, 160), b.order);
    if (inBounds(d, b)) return { date: d, from: 'text' };
  }
  for (const line of lines.slice(0, 12)) {
    // A dateline: a short line, or the part of a line before a dash, bar or colon within its
    // first 60 characters ("KORSVIK, 3 May 2021 – Ministers met"). A sentence that merely
    // starts with a date ("On 3 May 2021, ministers met") is not a dateline.
    if (UPDATE_WORDS.test(line.slice(0, 60))) continue;
    let head = line;
    if (line.length > 60) {
      const cut = /\s[-–—|:]\s|[–—|]/.exec(line.slice(0, 60));
      if (!cut) continue;
      head = line.slice(0, cut.index);
    }
    const d = dateInText(head, b.order);
    if (inBounds(d, b)) return { date: d, from: 'text' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/** Days between two `YYYY-MM-DD` dates (b − a). */
function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** `date` plus `days` days. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Dates in the URLs of the page's lead image (`og:image`, `twitter:image`, `image_src`). */
function imageUrlDate(document: Document, meta: MetaIndex): string | undefined {
  const urls = [
    ...(meta.get('og:image') ?? []),
    ...(meta.get('twitter:image') ?? []),
    ...(meta.get('twitter:image:src') ?? []),
    document.querySelector('link[rel="image_src"]')?.getAttribute('href') ?? '',
  ];
  for (const u of urls) {
    const d = dateFromUrl(u);
    if (d) return d;
  }
  return undefined;
}

/**
 * Publication dates left in the raw markup outside the DOM's reach: RDF in comments
 * (`dc:date="…"`) and script variables (`"datePublished":"…"`, `"publishDate":"…"`, …).
 */
const RAW_KEYS = /(?:dc:date|["']?(?:datePublished|publishDate|publish_date|published_at|publishedAt|pubDate|date_published|publishedDate|firstPublishedDate|first_published_at)["']?)\s*[=:]\s*\\?["']([^"'\\]{6,40})/g;

function rawDate(html: string, b: Bounds): string | undefined {
  for (const m of html.matchAll(RAW_KEYS)) {
    const d = parseDate(m[1]);
    if (inBounds(d, b)) return d;
  }
  return undefined;
}

/**
 * True when a datetime string's clock time lies within six hours of the midnight that separates
 * its day from a day `shift` (±1) away, so that a time-zone conversion could explain the shift.
 */
function nearMidnightShift(raw: string, shift: number): boolean {
  const m = /(?:T|\s)(\d{1,2}):(\d{2})/.exec(raw);
  if (!m) return false;
  const hour = +m[1] + +m[2] / 60;
  if (shift === -1) return hour < 6;
  if (shift === 1) return hour >= 18;
  return false;
}

/**
 * Find the publication date of a page (before Readability rewrites it). Returns the first rule's
 * answer that is a real day between 1995-01-01 and today and not after the last-modified date
 * (a declared date — JSON-LD, meta, itemprop — may exceed it by up to 7 days: scheduled posts are
 * often edited before they go out). When a declared datetime lies within six hours of midnight and
 * the URL holds the neighbouring day, the URL's day wins: the URL is written in the publisher's
 * own time zone, while structured times are often converted to UTC. Undefined when no rule answers.
 */
export function findPublished(document: Document, meta: MetaIndex, opts: FindPublishedOptions = {}): Dated | undefined {
  const today = opts.today ?? utcToday();
  const min = '1995-01-01';
  const ld = jsonLdDates(document);
  const modified: string[] = [...ld.modified];
  for (const name of MODIFIED_META) {
    for (const v of meta.get(name) ?? []) {
      const d = parseDate(v);
      if (d) modified.push(d);
    }
  }
  const lastModified = modified.filter((d) => d >= min && d <= today).sort().pop();
  const order = slashOrder(opts.lang);
  const strict: Bounds = { min, max: lastModified ?? today, order };
  const declared: Bounds = { min, max: lastModified ? [addDays(lastModified, 7), today].sort()[0] : today, order };
  const urls = [opts.url, document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined, ...(meta.get('og:url') ?? [])];
  const urlDate = urls.map(dateFromUrl).find((d) => inBounds(d, strict));

  const pick = (): Dated | undefined => {
    for (const p of ld.published) {
      if (p.strong && inBounds(p.date, declared)) return { date: p.date, from: 'json-ld', raw: p.raw };
    }
    for (const name of PUBLISHED_META) {
      for (const v of meta.get(name) ?? []) {
        const d = parseDate(v);
        if (inBounds(d, declared)) return { date: d, from: `meta:${name}`, raw: v };
      }
    }
    for (const p of ld.published) {
      if (inBounds(p.date, declared)) return { date: p.date, from: 'json-ld', raw: p.raw };
    }
    const byItemprop = itempropDate(document, declared);
    if (byItemprop) return { date: byItemprop, from: 'itemprop' };
    const byTime = timeDate(document, strict);
    if (byTime) return { date: byTime, from: 'time' };
    if (urlDate) return { date: urlDate, from: 'url' };
    const byElement = elementDate(document, strict);
    if (byElement) return { date: byElement, from: 'element' };
    const byImage = imageUrlDate(document, meta);
    if (inBounds(byImage, strict)) return { date: byImage, from: 'image-url' };
    const byRaw = rawDate(document.documentElement.outerHTML, strict);
    if (byRaw) return { date: byRaw, from: 'raw' };
    return undefined;
  };
  const found = pick();
  if (found?.raw && urlDate && nearMidnightShift(found.raw, dayDiff(found.date, urlDate))) {
    return { date: urlDate, from: 'url' };
  }
  if (found) delete found.raw;
  return found;
}
