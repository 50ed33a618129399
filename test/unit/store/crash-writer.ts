/**
 * A child process for the crash and race tests: puts `total` synthetic documents into a store in
 * batches, skipping the hashes it already holds, like `parley ingest` does. Prints `begin <n>`
 * before each batch and, at the end, `done <inserted> <updated> <duplicate>`.
 *
 * Usage: crash-writer <location> <total> <batch-size> [lines-per-doc]
 */
import { openStore } from '../../../src/store/open-store.js';
import { syntheticDoc } from './fixtures.js';

const [location, totalArg, batchArg, linesArg] = process.argv.slice(2);
const total = Number(totalArg);
const batchSize = Number(batchArg);
const lines = Number(linesArg ?? 20);

const store = await openStore(location);
const counts = { inserted: 0, updated: 0, duplicate: 0 };
for (let first = 0, n = 0; first < total; first += batchSize, n++) {
  const docs = [];
  for (let i = first; i < Math.min(total, first + batchSize); i++) docs.push(syntheticDoc(i, lines));
  const known = await store.knownHashes(docs.map((d) => d.hash));
  const todo = docs.filter((d) => !known.has(d.hash));
  counts.duplicate += docs.length - todo.length;
  process.stdout.write(`begin ${n}\n`);
  for (const r of await store.putDocuments(todo)) counts[r]++;
}
await store.close();
process.stdout.write(`done ${counts.inserted} ${counts.updated} ${counts.duplicate}\n`);
