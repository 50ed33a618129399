/**
 * RSS (0.9x, 1.0/RDF, 2.0) and Atom feeds, parsed with fast-xml-parser. Each item becomes a
 * RawDoc: `content:encoded`, `content`, `description` or `summary` (the first that is not blank)
 * is the body — `raw.html` when it holds markup or entities, `raw.text` when it is plain; `link`,
 * `title`, `pubDate`/`published`/`updated`/`dc:date` and `guid`/`id` fill the other fields, and the
 * item's `source` or the channel's title is the outlet.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { InputFormat, RawDoc } from '../doc.js';
import { badRecord, type ReaderItem } from './reader-item.js';

const BODY_TAGS = ['content:encoded', 'content', 'description', 'summary'];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  trimValues: true,
  // Bodies are kept verbatim (CDATA, escaped HTML or inline XHTML) and unwrapped below.
  stopNodes: BODY_TAGS.map((t) => `*.${t}`),
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link' || name === 'atom:link',
});

export type FeedResult = { ok: true; items: ReaderItem[]; format: InputFormat } | { ok: false; why: string };

type Node = Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The text of an element that may have attributes (`{'#text': ...}`). */
function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) {
    for (const x of v) {
      const t = textOf(x);
      if (t) return t;
    }
    return undefined;
  }
  if (isNode(v)) return textOf(v['#text']);
  return undefined;
}

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decode the five XML entities and numeric references; leave other named entities alone. */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return XML_ENTITIES[name] ?? m;
  });
}

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/** Markup test for bodies: a tag or an entity reference means HTML. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>|<!--/i.test(s) || /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/i.test(s);
}

/**
 * Turn a body element kept verbatim into its content: CDATA sections are taken as they are,
 * escaped text is unescaped, inline markup (Atom xhtml) is kept as markup.
 */
export function unwrapBody(rawBody: string): string {
  const outside = rawBody.replace(CDATA, '');
  if (/<[A-Za-z/!?]/.test(outside)) return rawBody.replace(CDATA, (_, inner: string) => inner).trim();
  let out = '';
  let last = 0;
  for (const m of rawBody.matchAll(CDATA)) {
    out += decodeXmlEntities(rawBody.slice(last, m.index));
    out += m[1];
    last = m.index! + m[0].length;
  }
  out += decodeXmlEntities(rawBody.slice(last));
  return out.trim();
}

function bodyOf(item: Node): { html?: string; text?: string } | undefined {
  for (const tag of BODY_TAGS) {
    const v = item[tag];
    const node = Array.isArray(v) ? v[0] : v;
    if (node === undefined || node === null) continue;
    const rawBody = typeof node === 'string' ? node : isNode(node) && typeof node['#text'] === 'string' ? node['#text'] : '';
    const type = isNode(node) && typeof node['@_type'] === 'string' ? node['@_type'].toLowerCase() : undefined;
    const value = unwrapBody(rawBody);
    if (value === '') continue;
    if (type === 'text' || type === 'text/plain') return { text: value };
    if (type === 'html' || type === 'xhtml' || type === 'text/html' || looksLikeHtml(value)) return { html: value };
    return { text: value };
  }
  return undefined;
}

function linkOf(item: Node): string | undefined {
  for (const key of ['link', 'atom:link']) {
    const links = item[key];
    if (!Array.isArray(links)) continue;
    let fallback: string | undefined;
    for (const l of links) {
      if (typeof l === 'string' && l.trim()) return l.trim();
      if (isNode(l)) {
        const href = typeof l['@_href'] === 'string' ? l['@_href'].trim() : textOf(l);
        const rel = typeof l['@_rel'] === 'string' ? l['@_rel'] : 'alternate';
        if (href && rel === 'alternate') return href;
        if (href && !fallback) fallback = href;
      }
    }
    if (fallback) return fallback;
  }
  return undefined;
}

function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
}

function itemToDoc(item: unknown, n: number, path: string, format: InputFormat, outlet: string | undefined): ReaderItem {
  if (!isNode(item)) return badRecord(n, 'feed item is empty');
  const body = bodyOf(item);
  if (!body) return badRecord(n, 'feed item has no content, description or summary');
  const raw: RawDoc = { origin: { path, line: n, format } };
  const url = linkOf(item);
  const titleText = textOf(item.title);
  const title = titleText && (/[<>]/.test(titleText) ? stripTags(titleText) : titleText);
  const published =
    textOf(item.pubDate) ?? textOf(item.published) ?? textOf(item['dc:date']) ?? textOf(item.updated) ?? textOf(item['atom:updated']);
  const source = textOf(item.source) ?? outlet;
  if (url) raw.url = url;
  if (title) raw.title = title;
  if (published) raw.published = published;
  if (source) raw.source = source;
  if (body.text !== undefined) raw.text = body.text;
  else raw.html = body.html;
  const id = textOf(item.guid) ?? textOf(item.id);
  return { kind: 'doc', raw, id };
}

/** Parse a whole feed. Not XML, or XML whose root is not a feed, is `{ok: false, why}`. */
export function parseFeed(xml: string, path: string): FeedResult {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { ok: false, why: `not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` };
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    return { ok: false, why: `not well-formed XML: ${e instanceof Error ? e.message : String(e)}` };
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#') && !k.startsWith('!'));
  const root = rootName ? doc[rootName] : undefined;
  const name = rootName?.toLowerCase();
  let items: unknown[] = [];
  let outlet: string | undefined;
  let format: InputFormat = 'rss';
  if (name === 'rss' && isNode(root)) {
    const channel = Array.isArray(root.channel) ? root.channel[0] : root.channel;
    if (isNode(channel)) {
      outlet = textOf(channel.title);
      items = Array.isArray(channel.item) ? channel.item : [];
    }
  } else if (name === 'rdf:rdf' && isNode(root)) {
    if (isNode(root.channel)) outlet = textOf(root.channel.title);
    items = Array.isArray(root.item) ? root.item : [];
  } else if ((name === 'feed' || name === 'atom:feed') && isNode(root)) {
    format = 'atom';
    outlet = textOf(root.title);
    items = Array.isArray(root.entry) ? root.entry : [];
  } else if (name === 'rss' || name === 'feed' || name === 'rdf:rdf') {
    items = [];
  } else {
    return { ok: false, why: `the root element is <${rootName ?? '?'}>, not <rss>, <feed> or <rdf:RDF>` };
  }
  if (outlet && /[<>]/.test(outlet)) outlet = stripTags(outlet);
  return { ok: true, format, items: items.map((it, i) => itemToDoc(it, i + 1, path, format, outlet)) };
}
