/**
 * Plain-text listing of a document's actor mentions, one line each, for `parley actors`:
 *
 *   line 4   #7 "Xi" → chn-xi-jinping CHN GOV head of state "Xi Jinping" (coref:surname ← #2)
 *
 * Line numbers are 0-based lines of `doc.text`, as in gold files and `parley extract --explain`.
 */
import type { Doc, Mention } from '../doc.js';

/** Start offsets of each line of a text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** One mention as a line (without the line number). */
export function formatMention(m: Mention): string {
  const parts = [`#${m.id}`, JSON.stringify(m.text), '→', m.actor, m.country ?? '-', m.sector ?? '-'];
  if (m.role) parts.push(m.role);
  if (m.person && m.person !== m.actor) parts.push(JSON.stringify(m.person));
  const how = m.antecedent !== undefined ? `${m.resolvedBy} ← #${m.antecedent}` : m.resolvedBy;
  parts.push(`(${how})`);
  return parts.join(' ');
}

/** Every mention of the doc, one line each: 0-based line number, text, → actor, country, sector, role, person, how. */
export function formatMentions(doc: Doc): string {
  const starts = lineStarts(doc.text);
  return doc.layers.mentions.map((m) => `  line ${String(lineOf(starts, m.start)).padEnd(4)} ${formatMention(m)}`).join('\n') + (doc.layers.mentions.length ? '\n' : '');
}
