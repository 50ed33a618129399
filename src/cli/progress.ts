/** A one-line progress display on stderr (only when stderr is a terminal). */
import type { ReadStats } from '../ingest/index.js';
import type { IngestCounts } from './ingest.js';

export class Progress {
  private last = 0;
  private readonly on: boolean;

  constructor(enabled: boolean) {
    this.on = enabled && Boolean(process.stderr.isTTY);
  }

  update(c: IngestCounts, s: ReadStats, ms: number): void {
    if (!this.on || ms - this.last < 200) return;
    this.last = ms;
    const frac = s.bytesTotal > 0 ? Math.min(1, s.bytesRead / s.bytesTotal) : 0;
    const width = 24;
    const bar = s.bytesTotal > 0 ? '[' + '#'.repeat(Math.round(frac * width)).padEnd(width, '.') + `] ${Math.round(frac * 100)}% ` : '';
    const rate = Math.round((c.read / Math.max(ms, 1)) * 1000);
    process.stderr.write(
      `\r${bar}${c.read} read · ${c.inserted} new · ${c.duplicates} dup · ${c.failed} failed · ${rate}/s   `,
    );
  }

  done(): void {
    if (this.on) process.stderr.write('\r\x1b[K');
  }
}
