/** `parley show <doc-id>`: one stored document with its dropped blocks, mentions and events. */
import type { Doc } from '../doc.js';
import { ParleyError } from '../errors.js';
import { openStore } from '../store/index.js';
import type { StoredDoc } from '../store/store.js';
import { dbLocation, oneOf, out, parse } from './args.js';
import { formatText } from './extract.js';

export const summary = 'show one stored document';

/** A Doc view of a stored document, for the shared renderers. */
export function docOfStored(s: StoredDoc): Doc {
  return {
    id: s.id,
    hash: s.hash,
    text: s.sourceText,
    meta: s.meta,
    layers: { blocks: s.blocks, sentences: [], tokens: [], mentions: s.mentions, times: [], events: s.events },
    diagnostics: s.diagnostics,
  };
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, 'show');
  const id = positionals[0];
  if (!id) throw new ParleyError('PARLEY_CLI_USAGE', { why: 'parley show needs a document id (see `parley docs`).' });
  const format = oneOf('--format', values.format, ['text', 'json'] as const, 'text');
  const store = await openStore(dbLocation(values.db));
  try {
    const doc = await store.getDocument(id);
    if (!doc) throw new ParleyError('PARLEY_STORE_NOT_FOUND', { what: 'document', id });
    if (format === 'json') out(JSON.stringify(doc, null, 2) + '\n');
    else {
      out(formatText(docOfStored(doc), Boolean(values.explain), true));
    }
    return 0;
  } finally {
    await store.close();
  }
}
