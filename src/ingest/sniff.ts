/**
 * Deciding what an input is: from its name (extension, `.gz`), and from its first bytes (gzip
 * magic, UTF-16 byte-order marks, NUL bytes and control characters, the first non-blank
 * character, the root element of markup).
 */
import { basename } from 'node:path';
import { table } from '../table.js';

/** What a reader does with the content. `json` is a JSON value or JSON Lines, decided on content. */
export type ContentKind = 'text' | 'html' | 'jsonl' | 'json' | 'csv' | 'feed';

const EXTENSIONS: Record<string, ContentKind> = table({
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  json: 'json',
  csv: 'csv',
  xml: 'feed',
  rss: 'feed',
  atom: 'feed',
});

/** What a file name says: the stem (name without `.gz` and one extension), its kind, and `.gz`. */
export interface NameInfo {
  stem: string;
  kind?: ContentKind;
  gz: boolean;
}

/** Read a file name (or the last segment of a URL path). `a.jsonl.gz` → {stem 'a', 'jsonl', gz}. */
export function nameInfo(pathOrName: string): NameInfo {
  let name = basename(pathOrName);
  const gz = /\.gz$/i.test(name) && name.length > 3;
  if (gz) name = name.slice(0, -3);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return { stem: name, gz };
  const ext = name.slice(dot + 1).toLowerCase();
  return { stem: name.slice(0, dot), kind: EXTENSIONS[ext], gz };
}

/** True when the bytes start with the gzip magic number. */
export function isGzip(head: Buffer): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** 'utf-16le' / 'utf-16be' when the bytes start with that byte-order mark. */
export function utf16Bom(head: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * True when a sample of (decompressed, UTF-8-or-unknown) bytes is not text: it holds a NUL byte,
 * or more than a tenth of its characters are control characters or undecodable bytes.
 */
export function looksBinary(sample: Buffer): boolean {
  if (sample.length === 0) return false;
  if (sample.includes(0)) return true;
  const text = sample.toString('utf8');
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0x7f) bad++;
  }
  return bad * 10 > text.length;
}

/** The first element name of markup, after any XML declaration, comments, doctype or PIs. */
export function rootElement(head: string): string | undefined {
  let s = head.replace(/^\uFEFF/, '');
  for (let guard = 0; guard < 50; guard++) {
    s = s.trimStart();
    if (s.startsWith('<?')) {
      const end = s.indexOf('?>');
      if (end < 0) return undefined;
      s = s.slice(end + 2);
    } else if (s.startsWith('<!--')) {
      const end = s.indexOf('-->');
      if (end < 0) return undefined;
      s = s.slice(end + 3);
    } else if (s.startsWith('<!')) {
      const end = s.indexOf('>');
      if (end < 0) return undefined;
      s = s.slice(end + 1);
    } else {
      const m = /^<([A-Za-z_][\w:.-]*)/.exec(s);
      return m ? m[1].toLowerCase() : undefined;
    }
  }
  return undefined;
}

/** True when the root element is that of an RSS (0.9x/2.0), RSS 1.0 (RDF) or Atom feed. */
export function isFeedRoot(root: string | undefined): boolean {
  return root === 'rss' || root === 'feed' || root === 'rdf:rdf' || root === 'atom:feed';
}

/**
 * Guess the kind from the first characters of decoded content: markup is a feed when its root
 * element is a feed's (or it is XML whose root is not `html`), else HTML; `{` or `[` is JSON or
 * JSON Lines; anything else is plain text.
 */
export function sniffKind(head: string): ContentKind {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  const first = s[0];
  if (first === '<') {
    const root = rootElement(s);
    if (isFeedRoot(root)) return 'feed';
    if (/^<\?xml\b/i.test(s) && root !== undefined && root !== 'html') return 'feed';
    return 'html';
  }
  if (first === '{' || first === '[') return 'json';
  return 'text';
}

/**
 * The charset a document declares, lower-cased: from a Content-Type header, an XML declaration
 * or an HTML `<meta>` in the first 2 KB. Undefined when none is declared.
 */
export function declaredCharset(head: Buffer, contentType?: string): string | undefined {
  const fromHeader = contentType && /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  if (fromHeader) return fromHeader[1].toLowerCase();
  const ascii = head.subarray(0, 2048).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(ascii);
  if (xml) return xml[1].toLowerCase();
  const meta = /<meta\b[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(ascii);
  if (meta) return meta[1].toLowerCase();
  return undefined;
}

/** Map a Content-Type header to a kind, or 'binary' for media types parley never reads. */
export function kindFromContentType(contentType: string | undefined): ContentKind | 'binary' | undefined {
  if (!contentType) return undefined;
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (/^application\/(rss|atom|rdf)\+xml$/.test(type) || type === 'application/xml' || type === 'text/xml') return 'feed';
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/x-jsonlines') return 'jsonl';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  if (type === 'text/csv') return 'csv';
  if (/^(image|audio|video|font)\//.test(type)) return 'binary';
  if (/^application\/(pdf|zip|msword|vnd\.|x-tar|x-7z|wasm)/.test(type)) return 'binary';
  return undefined;
}
