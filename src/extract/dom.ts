/**
 * Parsing HTML into a DOM with linkedom, smoothing over its quirks.
 *
 * linkedom builds a document from whatever it is given, but a string without an `<html>` element
 * becomes a document whose `documentElement` is the first element of the fragment (or null for an
 * empty string), and `document.body` then throws. We always hand it a complete document.
 */
import { parseHTML } from 'linkedom';

const HAS_HTML_TAG = /<html[\s>]/i;
const HAS_HEAD_OR_BODY = /<(head|body)[\s>]/i;

/**
 * Parse an HTML string (a whole page or a fragment) into a document that always has
 * `documentElement` (an `<html>`), `head` and `body`. Never throws for malformed markup.
 */
export function parseDocument(html: string): Document {
  let source = html;
  if (!HAS_HTML_TAG.test(source)) {
    source = HAS_HEAD_OR_BODY.test(source)
      ? `<!DOCTYPE html><html>${source}</html>`
      : `<!DOCTYPE html><html><head></head><body>${source}</body></html>`;
  }
  let document = parseHTML(source).document as unknown as Document;
  const root = document.documentElement;
  if (!root || root.tagName !== 'HTML') {
    document = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`)
      .document as unknown as Document;
  }
  ensureHeadAndBody(document);
  return document;
}

function ensureHeadAndBody(document: Document): void {
  const root = document.documentElement;
  const children = Array.from(root.children);
  if (!children.some((c) => c.tagName === 'HEAD')) {
    root.insertBefore(document.createElement('head'), root.firstChild);
  }
  if (!children.some((c) => c.tagName === 'BODY')) {
    const body = document.createElement('body');
    // Move everything that is not the head into the new body.
    for (const node of Array.from(root.childNodes)) {
      if ((node as Element).tagName !== 'HEAD') body.appendChild(node);
    }
    root.appendChild(body);
  }
}
