/**
 * Page metadata from `<head>` and the document: title, byline, language, canonical URL and site
 * name. Read before Readability runs (it rewrites the document).
 */
import { normaliseSpace } from './blocks.js';

/** Every `<meta>` value by its lower-cased `name`, `property`, `itemprop` or `http-equiv`. */
export type MetaIndex = Map<string, string[]>;

/** Index the `<meta>` elements of a document (values whitespace-normalised, empty ones skipped). */
export function indexMeta(document: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const m of Array.from(document.querySelectorAll('meta'))) {
    const value = normaliseSpace(m.getAttribute('content') ?? m.getAttribute('value') ?? '');
    if (!value) continue;
    for (const attr of ['name', 'property', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (!key) continue;
      // `property="og:title article:tag"` style lists: index each word.
      for (const k of key.split(/\s+/)) {
        const list = index.get(k);
        if (list) list.push(value);
        else index.set(k, [value]);
      }
    }
  }
  return index;
}

/** The first value for the first of `keys` present in the index. */
export function firstMeta(index: MetaIndex, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = index.get(k);
    if (v && v.length > 0) return v[0];
  }
  return undefined;
}

export interface PageMetadata {
  title?: string;
  byline?: string;
  lang?: string;
  canonicalUrl?: string;
  siteName?: string;
}

/** Resolve `href` against `base`; undefined when it is not a usable http(s) URL. */
export function absoluteUrl(href: string | null | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  const h = href.trim();
  if (!h) return undefined;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Read title, byline, language, canonical URL and site name from meta tags, `<link rel=canonical>`,
 * `<html lang>` and `<title>`. Every field is optional; nothing here throws.
 */
export function readMetadata(document: Document, meta: MetaIndex, url?: string): PageMetadata {
  const out: PageMetadata = {};
  const title =
    firstMeta(meta, ['og:title', 'twitter:title', 'dc.title', 'title']) ??
    normaliseSpace(document.querySelector('title')?.textContent ?? '');
  if (title) out.title = title;
  const byline = firstMeta(meta, ['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author']);
  if (byline && !/^https?:\/\//i.test(byline)) out.byline = byline;
  const lang =
    document.documentElement.getAttribute('lang') ??
    firstMeta(meta, ['content-language', 'og:locale', 'dc.language', 'language']);
  if (lang && /^[a-z]{2,3}([-_][a-z0-9]{2,8})*$/i.test(lang.trim())) out.lang = lang.trim().replace('_', '-');
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? firstMeta(meta, ['og:url']);
  const canonicalUrl = absoluteUrl(canonical, url);
  if (canonicalUrl) out.canonicalUrl = canonicalUrl;
  const siteName = firstMeta(meta, ['og:site_name', 'application-name', 'publisher', 'dc.publisher']);
  if (siteName) out.siteName = siteName;
  return out;
}
