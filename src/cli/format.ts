/** Text rendering shared by CLI commands: dropped blocks, events, diagnostics, failure summaries. */
import type { Doc, Event } from '../doc.js';

export interface Failure {
  where: string;
  message: string;
}

/** 0-based line number of an offset in a text. */
export function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

export function formatDropped(doc: Doc): string {
  const rows = doc.layers.blocks
    .filter((b) => b.dropped !== undefined)
    .map((b) => `  line ${String(b.line).padEnd(4)} ${String(b.dropped).padEnd(16)} ${clip(doc.text.slice(b.start, b.end), 90)}`);
  return rows.length > 0 ? rows.join('\n') + '\n' : '  (none)\n';
}

export function formatEvents(events: Event[], lineOfEvent?: (e: Event) => number): string {
  if (events.length === 0) return '  (none)\n';
  return (
    events
      .map((e) => {
        const who = `${e.source.code ?? '?'} → ${e.target.code ?? '?'}`;
        const names = [e.source.person ?? e.source.name, e.target.person ?? e.target.name].map((x) => x ?? '–').join(' / ');
        const ev = e.evidence[0];
        const line = lineOfEvent ? `line ${lineOfEvent(e)}: ` : '';
        return (
          `  ${(e.date ?? 'date?').padEnd(10)} ${who.padEnd(12)} ${e.cameo.code.padEnd(4)} ${clip(e.cameo.label, 34).padEnd(34)} ` +
          `G ${String(e.goldstein).padStart(5)} Q${e.quad}  ${names}\n` +
          (ev ? `             ${line}“${clip(ev.sentence, 100)}”\n` : '')
        );
      })
      .join('')
  );
}

export function formatDiagnostics(doc: Doc): string {
  return (
    doc.diagnostics
      .map((d) => {
        const where = d.start !== undefined ? `line ${lineOf(doc.text, d.start)}` : '';
        return `  ${d.severity.padEnd(7)} ${d.ruleId.padEnd(22)} ${where.padEnd(9)} ${clip(d.reason, 100)}`;
      })
      .join('\n') + '\n'
  );
}

/** Print failures to stderr; the exit code is 1 when anything failed. */
export function reportFailures(command: string, failures: Failure[]): number {
  if (failures.length === 0) return 0;
  process.stderr.write(`parley ${command}: ${failures.length} input${failures.length === 1 ? '' : 's'} failed:\n`);
  for (const f of failures.slice(0, 50)) process.stderr.write(`  ${f.where}: ${f.message}\n`);
  if (failures.length > 50) process.stderr.write(`  … and ${failures.length - 50} more\n`);
  return 1;
}
