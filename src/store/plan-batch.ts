/**
 * What a batch put does, decided once for both dialects from what the store already holds.
 *
 * Documents are taken in order, as if put one by one: a content hash that is stored (or was put
 * earlier in the batch) is a `duplicate`; an id stored with another hash is `updated` (its old
 * rows are deleted and the new version written); anything else is `inserted`. When one id occurs
 * several times in a batch, only its last version is written.
 */
import type { PutResult, StoredDoc } from './store.js';

/** A stored document's key pair. */
export interface DocKey {
  id: string;
  hash: string;
}

export interface BatchPlan {
  /** One result per input document, in order. */
  results: PutResult[];
  /** Ids whose stored rows must be deleted before writing (replaced documents). */
  replace: string[];
  /** The documents to write, one per id. */
  write: StoredDoc[];
}

/** Plan a batch given the stored `(id, hash)` pairs that share an id or a hash with it. */
export function planBatch(docs: readonly StoredDoc[], stored: Iterable<DocKey>): BatchPlan {
  const hashById = new Map<string, string>();
  const idByHash = new Map<string, string>();
  for (const k of stored) {
    hashById.set(k.id, k.hash);
    idByHash.set(k.hash, k.id);
  }
  const storedIds = new Set(hashById.keys());
  const results: PutResult[] = [];
  const latest = new Map<string, StoredDoc>();
  for (const doc of docs) {
    if (idByHash.has(doc.hash)) {
      results.push('duplicate');
      continue;
    }
    const old = hashById.get(doc.id);
    if (old !== undefined) idByHash.delete(old);
    results.push(old === undefined ? 'inserted' : 'updated');
    hashById.set(doc.id, doc.hash);
    idByHash.set(doc.hash, doc.id);
    latest.set(doc.id, doc);
  }
  const write = [...latest.values()];
  return { results, replace: write.filter((d) => storedIds.has(d.id)).map((d) => d.id), write };
}
